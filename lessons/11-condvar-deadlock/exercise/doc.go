// Package exercise is lesson 11's exercise. Its files are A.cfg and B.cfg,
// two models of tla/OneCond.tla with 3 producers and 2 consumers: the
// learner chooses a capacity for each, one on each side of the rule
// 2·capacity < producers + consumers, and predicts the model checker's
// verdicts. The check is check_test.go.
package exercise
