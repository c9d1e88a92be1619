package hipaa_test

import (
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/rules/hipaa"
)

// TestCJKFirm: care tied to a person in its own sentence is firm (the score
// may not demote it); care tied only by a clock time stays weak.
func TestCJKFirm(t *testing.T) {
	e, err := core.NewEngineWith(nil, hipaa.Rule)
	if err != nil {
		t.Fatal(err)
	}
	for reply, weak := range map[string]bool{
		"张阿姨，您上周的血糖报告我们收到了，数值都还好。":            false,
		"할아버지 틀니 조정은 다음 주 수요일 오전 10시로 잡았습니다.": false,
		"明早9点的血脂检查要空腹喔。":                      true,
	} {
		fs := e.Check(core.Input{Text: reply}).Findings
		if len(fs) == 0 {
			t.Errorf("%s: no finding", reply)
		}
		for _, f := range fs {
			if f.Weak != weak {
				t.Errorf("%s: %q weak=%v, want %v", reply, reply[f.Start:f.End], f.Weak, weak)
			}
		}
	}
}
