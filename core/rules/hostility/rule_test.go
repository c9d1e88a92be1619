package hostility_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/hostility"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, hostility.Rule) }
