package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// The progress bar is drawn only on a terminal: a buffer or a pipe gets
// nothing.
func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, out := range []io.Writer{&buf, w} {
		p := newProgress(out)
		for i := range 3 {
			p.set(i+1, 3)
		}
		p.done()
		if p.on {
			t.Errorf("%T: progress bar on, want off", out)
		}
	}
	w.Close()
	piped, _ := io.ReadAll(r)
	if buf.Len() != 0 || len(piped) != 0 {
		t.Errorf("progress wrote %q and %q", buf.String(), piped)
	}
}
