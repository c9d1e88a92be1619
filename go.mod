module github.com/replyguard/replyguard

go 1.26
