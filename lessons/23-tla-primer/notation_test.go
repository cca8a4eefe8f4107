package tlaprimer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/tla"
)

// notation is every TLA+ construct this lesson knows of, each with the
// pattern that finds it in a spec or a cfg (comments removed). A construct
// the specs use must be named, in code, by the README.
var notation = []struct{ name, pattern string }{
	{"MODULE", `\bMODULE\b`}, {"EXTENDS", `\bEXTENDS\b`}, {"CONSTANTS", `\bCONSTANTS\b`},
	{"CONSTANT", `\bCONSTANT\b`}, {"ASSUME", `\bASSUME\b`}, {"VARIABLES", `\bVARIABLES\b`},
	{"TRUE", `\bTRUE\b`}, {"FALSE", `\bFALSE\b`}, {"BOOLEAN", `\bBOOLEAN\b`},
	{`/\`, `/\\`}, {`\/`, `\\/`}, {`~`, `~[^>]`}, {`=>`, `[^<]=>`}, {`<=>`, `<=>`},
	{`#`, `#`}, {`/=`, `/=`}, {"IF", `\bIF\b`}, {"LET", `\bLET\b`}, {"CASE", `\bCASE\b`},
	{"CHOOSE", `\bCHOOSE\b`}, {`{}`, `\{\}`}, {`\in`, `\\in\b`}, {`\notin`, `\\notin\b`},
	{`\cup`, `\\cup\b`}, {`\cap`, `\\cap\b`}, {`\subseteq`, `\\subseteq\b`}, {`S \ T`, ` \\ `},
	{"SUBSET", `\bSUBSET\b`}, {"UNION", `\bUNION\b`}, {`..`, `\.\.`}, {"Nat", `\bNat\b`},
	{"Int", `\bInt\b`}, {`%`, `%`}, {`\div`, `\\div\b`}, {"Cardinality", `\bCardinality\b`},
	{`\E`, `\\E\b`}, {`\A`, `\\A\b`}, {`|->`, `\|->`}, {`->`, `[^|]->`}, {"DOMAIN", `\bDOMAIN\b`},
	{"EXCEPT", `\bEXCEPT\b`}, {"@", `@`}, {`<<`, `<<`}, {"Len", `\bLen\b`}, {"Append", `\bAppend\b`},
	{"Head", `\bHead\b`}, {"Tail", `\bTail\b`}, {"SubSeq", `\bSubSeq\b`}, {"Seq", `\bSeq\b`},
	{`\o`, `\\o\b`}, {`\X`, `\\X\b`}, {"UNCHANGED", `\bUNCHANGED\b`}, {"ENABLED", `\bENABLED\b`},
	{`[]`, `\[\]`}, {`<>`, `(^|[^<])<>($|[^>])`}, {"~>", `~>`}, {"WF_", `\bWF_`}, {"SF_", `\bSF_`},
	{"SPECIFICATION", `\bSPECIFICATION\b`}, {"INIT", `\bINIT\b`}, {"NEXT", `\bNEXT\b`},
	{"INVARIANT", `\bINVARIANT\b`}, {"INVARIANTS", `\bINVARIANTS\b`}, {"PROPERTY", `\bPROPERTY\b`},
	{"PROPERTIES", `\bPROPERTIES\b`}, {"CONSTRAINT", `\bCONSTRAINT\b`}, {"SYMMETRY", `\bSYMMETRY\b`},
}

// TestNotation checks that the README's code names every construct above
// that pckit's specs and models (tla/*.tla, tla/*.cfg, this lesson's) use.
func TestNotation(t *testing.T) {
	var specs strings.Builder
	for _, pattern := range []string{filepath.Join(tla.Dir(), "*.tla"), filepath.Join(tla.Dir(), "*.cfg"), "*.tla", "*.cfg"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			specs.WriteString(regexp.MustCompile(`\\\*.*`).ReplaceAllString(string(data), "") + "\n")
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	code := strings.ReplaceAll(strings.Join(regexp.MustCompile("`[^`\n]+`").FindAllString(string(readme), -1), " "), `\|`, "|")
	used := 0
	for _, n := range notation {
		if !regexp.MustCompile(n.pattern).MatchString(specs.String()) {
			continue
		}
		used++
		if !strings.Contains(code, n.name) {
			t.Errorf("the specs use %s, and the README's notation does not name it", n.name)
		}
	}
	if used < 40 {
		t.Errorf("the specs use only %d of the constructs listed; is tla.Dir() right?", used)
	}
	t.Logf("%d constructs used by the specs, each named by the README", used)
}
