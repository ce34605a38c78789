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

func TestMedian(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var ds []time.Duration
		for _, n := range ns {
			ds = append(ds, time.Duration(n)*time.Millisecond)
		}
		return ds
	}
	if got := median(ms(5, 1, 3)); got != 3*time.Millisecond {
		t.Errorf("median of 5, 1, 3 = %v, want 3ms", got)
	}
	if got := median(ms(4, 1, 3, 2)); got != 2*time.Millisecond {
		t.Errorf("median of 4, 1, 3, 2 = %v, want the lower middle, 2ms", got)
	}
}
