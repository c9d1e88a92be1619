//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/hack-pad/safejs"
)

// jsKV is a Workers KV namespace reached through safejs: syumai/workers'
// kv.GetString cannot tell a missing key from the text "<null>", and raw
// syscall/js panics on a missing binding; here both are plain errors.
type jsKV struct{ binding string }

// namespace finds the binding in the runtime context syumai/workers sets
// up for each request (globalThis.context.env).
func (k jsKV) namespace() (safejs.Value, error) {
	v := safejs.Global()
	for _, p := range []string{"context", "env", k.binding} {
		next, err := v.Get(p)
		if err != nil {
			return safejs.Value{}, err
		}
		if next.IsUndefined() || next.IsNull() {
			return safejs.Value{}, fmt.Errorf("KV binding %s is not configured (wrangler.toml kv_namespaces)", k.binding)
		}
		v = next
	}
	return v, nil
}

func (k jsKV) Get(ctx context.Context, key string) (string, bool, error) {
	ns, err := k.namespace()
	if err != nil {
		return "", false, err
	}
	p, err := ns.Call("get", key)
	if err != nil {
		return "", false, err
	}
	v, err := await(ctx, p)
	if err != nil {
		return "", false, fmt.Errorf("KV get %s: %w", key, err)
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	s, err := v.String()
	return s, err == nil, err
}

func (k jsKV) Put(ctx context.Context, key, value string, ttlSeconds int) error {
	ns, err := k.namespace()
	if err != nil {
		return err
	}
	args := []any{key, value}
	if ttlSeconds > 0 {
		object, err := safejs.Global().Get("Object")
		if err != nil {
			return err
		}
		opts, err := object.New()
		if err != nil {
			return err
		}
		if err := opts.Set("expirationTtl", max(ttlSeconds, 60)); err != nil {
			return err
		}
		args = append(args, opts)
	}
	p, err := ns.Call("put", args...)
	if err != nil {
		return err
	}
	if _, err := await(ctx, p); err != nil {
		return fmt.Errorf("KV put %s: %w", key, err)
	}
	return nil
}

// await waits for a JavaScript promise.
func await(ctx context.Context, promise safejs.Value) (safejs.Value, error) {
	type settled struct {
		v   safejs.Value
		err error
	}
	ch := make(chan settled, 1)
	resolve, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		v := safejs.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- settled{v: v}
		return nil
	})
	if err != nil {
		return safejs.Value{}, err
	}
	defer resolve.Release()
	reject, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			if s, err := args[0].String(); err == nil {
				msg = s
			}
		}
		ch <- settled{err: errors.New(msg)}
		return nil
	})
	if err != nil {
		return safejs.Value{}, err
	}
	defer reject.Release()
	if _, err := promise.Call("then", resolve.Value(), reject.Value()); err != nil {
		return safejs.Value{}, err
	}
	select {
	case s := <-ch:
		return s.v, s.err
	case <-ctx.Done():
		return safejs.Value{}, ctx.Err()
	}
}
