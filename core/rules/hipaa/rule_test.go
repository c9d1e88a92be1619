package hipaa_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/hipaa"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, hipaa.Rule) }
