package fromtheguide

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMap checks the README's map of the guide: every relative link names
// a file or folder that exists (lessons included), every lesson row links a
// lesson, the pitfalls table has four rows and the limitations table eight,
// and every queue.X or workers.X (or X.Field) it names is declared in
// that package.
func TestMap(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, m := range regexp.MustCompile(`\]\(([^)#]+)\)`).FindAllStringSubmatch(readme, -1) {
		if strings.Contains(m[1], "://") {
			continue
		}
		if _, err := os.Stat(filepath.FromSlash(m[1])); err != nil {
			t.Errorf("README links %s, which does not exist", m[1])
		}
	}
	for heading, want := range map[string]int{"## Its four pitfalls": 4, "## Its eight limitations": 8} {
		_, section, ok := strings.Cut(readme, heading)
		if !ok {
			t.Errorf("README lacks %q", heading)
			continue
		}
		section, _, _ = strings.Cut(section, "\n## ")
		rows := regexp.MustCompile(`(?m)^\| [^|-].*\]\(\.\./\d\d-[a-z0-9-]+/\) \|$`).FindAllString(section, -1)
		if len(rows) != want {
			t.Errorf("%s: %d rows that link a lesson, want %d", heading, len(rows), want)
		}
	}
	declared := map[string]bool{}
	for _, pkg := range []string{"queue", "workers"} {
		for name := range declarations(t, filepath.Join("..", "..", pkg)) {
			declared[pkg+"."+name] = true
		}
	}
	for _, name := range regexp.MustCompile(`\b(?:queue|workers)\.[A-Z]\w*(?:\.[A-Z]\w*)?`).FindAllString(readme, -1) {
		if !declared[name] {
			t.Errorf("README names %s, which is not declared", name)
		}
	}
}

// declarations returns the exported names declared in a package's non-test
// files: types, functions, variables and constants, and Type.Field and
// Type.Method.
func declarations(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if index, ok := recv.(*ast.IndexExpr); ok {
					recv = index.X
				}
				if id, ok := recv.(*ast.Ident); ok {
					names[id.Name+"."+d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, field := range st.Fields.List {
								for _, n := range field.Names {
									names[s.Name.Name+"."+n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return names
}
