package conduct_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/conduct"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, conduct.Rule) }
