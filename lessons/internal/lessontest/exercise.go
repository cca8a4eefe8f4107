package lessontest

import (
	"strings"
	"testing"
)

// Answers returns the answers in an exercise's prediction.txt, given as its
// text (embedded by the exercise's check with //go:embed, so that `go test
// -overlay` can stand a reference solution in for it): the text after
// "answer:" on each answer line, trimmed and lower-cased, in order.
func Answers(prediction string) []string {
	var answers []string
	for line := range strings.Lines(prediction) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "answer:"); ok {
			answers = append(answers, strings.ToLower(strings.TrimSpace(rest)))
		}
	}
	return answers
}

// ExpectAnswers fails the test unless prediction (prediction.txt's text)
// answers each question with the matching entry of actual, the checker's
// real answer in this run.
func ExpectAnswers(t testing.TB, prediction string, actual ...string) {
	t.Helper()
	answers := Answers(prediction)
	for i, want := range actual {
		switch {
		case i >= len(answers) || answers[i] == "":
			t.Errorf("prediction.txt: question %d has no answer yet: write it after \"answer:\"", i+1)
		case answers[i] != strings.ToLower(want):
			t.Errorf("prediction.txt: question %d: you predicted %q, the checker says %q", i+1, answers[i], want)
		}
	}
}
