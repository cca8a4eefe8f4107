// Package exercise is lesson 25's exercise: make Leader take the read lock
// only once.
package exercise

import "sync"

// Board keeps the players' scores. It is safe for concurrent use.
type Board struct {
	mu     sync.RWMutex
	scores map[string]int

	// Pause, if set, is called once by Leader while it holds its read lock.
	Pause func()
}

// NewBoard returns an empty Board.
func NewBoard() *Board { return &Board{scores: map[string]int{}} }

// Add adds points to player's score.
func (b *Board) Add(player string, points int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.scores[player] += points
}

// Score returns player's score.
func (b *Board) Score(player string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.scores[player]
}

// Leader returns the one of players with the highest score, read at one
// moment (the first of them on a tie).
func (b *Board) Leader(players ...string) string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.Pause != nil {
		b.Pause()
	}
	best := players[0]
	for _, p := range players[1:] {
		if b.Score(p) > b.Score(best) {
			best = p
		}
	}
	return best
}
