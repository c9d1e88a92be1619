package conduct_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/conduct"
)

func TestRule(t *testing.T) { ruletest.Run(t, conduct.Rule) }
