package length_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/length"
)

func TestRule(t *testing.T) { ruletest.Run(t, length.Rule) }
