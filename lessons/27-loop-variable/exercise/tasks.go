//go:build go1.21

// Package exercise is lesson 27's exercise. The "go1.21" in the build line
// above makes this file Go 1.21 code: one loop variable for all iterations.
package exercise

// Tasks returns one task per name, in order: task i calls visit(names[i]).
// The caller may run the tasks at once, each in its own goroutine.
func Tasks(names []string, visit func(name string)) []func() {
	var tasks []func()
	for _, name := range names {
		tasks = append(tasks, func() { visit(name) })
	}
	return tasks
}
