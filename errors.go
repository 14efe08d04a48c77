package geokg

import (
	"errors"
	"fmt"
)

// Code classifies an error for the transports: the GraphQL layer maps each
// code to extensions.code in one place, the CLI to its exit status.
type Code string

// Error codes. Anything not wrapped in an *Error is Internal.
const (
	CodeInvalid         Code = "BAD_USER_INPUT"
	CodeNotFound        Code = "NOT_FOUND"
	CodeUnavailable     Code = "DATABASE_UNAVAILABLE"
	CodeTimeout         Code = "TIMEOUT"
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	CodeInternal        Code = "INTERNAL"
)

// Error is an error with a code and a message that is safe to show users.
// Err keeps the cause for logs; it never reaches a user.
type Error struct {
	Code    Code
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with code c and a formatted user-facing message.
func Errorf(c Code, format string, args ...any) *Error {
	return &Error{Code: c, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorMessage returns the user-facing message of err: the message of the
// first *Error in its chain, or "internal error" so that internals (Cypher,
// stack traces, addresses) never leak.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
