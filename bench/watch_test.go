package main

import (
	"os"
	"testing"
	"time"
)

// procUsage reads this process's own figures: some memory, and the CPU
// time a busy loop has just spent.
func TestProcUsage(t *testing.T) {
	end := time.Now().Add(50 * time.Millisecond)
	for n := 0; time.Now().Before(end); n++ {
		_ = n * n
	}
	hwm, cpu := procUsage(os.Getpid())
	if hwm < 1<<20 {
		t.Errorf("high-water mark %d bytes, want at least a megabyte", hwm)
	}
	if cpu < 10*time.Millisecond {
		t.Errorf("CPU %v after a 50 ms busy loop", cpu)
	}
}
