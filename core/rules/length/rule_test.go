package length_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/length"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, length.Rule) }
