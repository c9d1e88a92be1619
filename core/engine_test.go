package core

import (
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentChecks: checks sharing one engine (and its pools of
// documents and check states) from several goroutines find what they find
// one at a time. Run with -race to check the pools.
func TestConcurrentChecks(t *testing.T) {
	e := MustDefaultEngine()
	inputs := []Input{
		{Text: "Hi Sarah, as your dentist I checked your chart and your crown looks great.", Comment: "Thanks!"},
		{Text: "Please call us at (555) 010-2000 so we can help privately. José, hope you're healing well 🦷"},
		{Text: "That's not what happened, per our sign-in log you were late. NO!!!", Comment: "I waited an hour and nobody called."},
		{Text: "Your satisfaction is our top priority. Thank you for reaching out!"},
	}
	want := make([]Result, len(inputs))
	for i, in := range inputs {
		want[i] = e.Check(in)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(inputs)
				if got := e.Check(inputs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- inputs[i].Text
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for text := range errs {
		t.Errorf("a concurrent check of %q differs from the same check alone", text)
	}
}
