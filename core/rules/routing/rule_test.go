package routing_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/routing"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, routing.Rule) }
