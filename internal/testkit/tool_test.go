package testkit

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A missing program skips a test on a user's machine and fails it in CI.
func TestNeedToolFailsOnlyUnderCI(t *testing.T) {
	if os.Getenv("TESTKIT_NEEDTOOL_CHILD") != "" {
		NeedTool(t, "scrutiny-no-such-program", "nothing installs it")
		return
	}
	for _, ci := range []string{"", "1"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNeedToolFailsOnlyUnderCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTKIT_NEEDTOOL_CHILD=1", "CI="+ci)
		out, err := cmd.CombinedOutput()
		switch {
		case ci == "" && (err != nil || !strings.Contains(string(out), "SKIP")):
			t.Errorf("without CI: %v, want a skip\n%s", err, out)
		case ci != "" && (err == nil || !strings.Contains(string(out), "CI installs it")):
			t.Errorf("under CI: %v, want a failure saying CI installs it\n%s", err, out)
		}
	}
}
