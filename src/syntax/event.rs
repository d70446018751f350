//! `start on` / `stop on` expressions, with upstart's operator-stack
//! algorithm (init/parse_job.c `parse_on*`): one precedence level, left
//! associative, parentheses group, newlines allowed inside parentheses.

use super::MAX_EXPR_DEPTH;
use super::error::{ErrorKind, ParseError};
use super::lexer::{Cursor, Delims};
use crate::ast::{Comment, EventArg, EventExpr, EventMatch, ExprComment, OnCondition, Operator};
use crate::source::Span;

enum Frame {
    /// An open parenthesis.
    Open(Span),
    Op {
        op: Operator,
        op_span: Span,
        lhs: EventExpr,
        lhs_depth: usize,
    },
    Match(EventMatch),
}

struct State {
    stack: Vec<Frame>,
    root: Option<(EventExpr, usize)>,
}

impl State {
    /// `parse_on_collect`: fold the stack down to the nearest open parenthesis.
    fn collect(&mut self, at: Span) -> Result<(), ParseError> {
        while let Some(top) = self.stack.last() {
            if matches!(top, Frame::Open(_)) {
                break;
            }
            let Some(frame) = self.stack.pop() else { break };
            match frame {
                Frame::Open(_) => {}
                Frame::Op {
                    op,
                    op_span,
                    lhs,
                    lhs_depth,
                } => {
                    let Some((rhs, rhs_depth)) = self.root.take() else {
                        return Err(ParseError::new(
                            ErrorKind::ExpectedEvent,
                            op_span,
                            format!("`{}` needs an event on its right", op.as_str()),
                        )
                        .help("remove the operator or add the event it should combine"));
                    };
                    let depth = 1 + lhs_depth.max(rhs_depth);
                    if depth > MAX_EXPR_DEPTH {
                        return Err(too_deep(op_span));
                    }
                    self.root = Some((
                        EventExpr::Op {
                            op,
                            lhs: Box::new(lhs),
                            rhs: Box::new(rhs),
                            op_span,
                            parens: 0,
                        },
                        depth,
                    ));
                }
                Frame::Match(event) => {
                    if self.root.is_some() {
                        let span = event.span;
                        return Err(ParseError::new(
                            ErrorKind::ExpectedOperator,
                            span,
                            "an event cannot follow a closing parenthesis directly",
                        )
                        .help("join it with `and` or `or`"));
                    }
                    self.root = Some((EventExpr::Match { event, parens: 0 }, 1));
                }
            }
        }
        if self.root.is_none() {
            return Err(
                ParseError::new(ErrorKind::ExpectedEvent, at, "expected an event here").help(
                    "each `and`/`or` needs an event on both sides, and `()` must not be empty",
                ),
            );
        }
        Ok(())
    }
}

fn too_deep(span: Span) -> ParseError {
    ParseError::new(
        ErrorKind::NestingTooDeep,
        span,
        format!("this expression has more than {MAX_EXPR_DEPTH} levels of `and`/`or`"),
    )
    .help("split the condition: upstart has no such limit, but upstart-tools refuses deeper `and`/`or` chains to stay safe on hostile input")
}

/// Parse the expression after `on`. On error the cursor is left after the
/// whole expression (its open parentheses closed or the file ended), so the
/// caller can go on with the next stanza.
pub(crate) fn parse_on(
    cur: &mut Cursor<'_>,
) -> Result<(OnCondition, Option<Box<Comment>>, usize), ParseError> {
    let mut state = State {
        stack: Vec::new(),
        root: None,
    };
    let mut open = 0usize;
    let mut pieces = 0usize;
    let mut comments = Vec::new();
    let mut content_end = cur.pos;
    let result = (|| {
        loop {
            cur.skip_whitespace();
            loop {
                match cur.peek() {
                    Some(b'(') => {
                        let span = Span::new(cur.pos, cur.pos + 1);
                        let top_is_match = matches!(state.stack.last(), Some(Frame::Match(_)));
                        if state.root.is_some() || top_is_match {
                            return Err(ParseError::new(
                                ErrorKind::ExpectedOperator,
                                span,
                                "a parenthesis cannot follow an event directly",
                            )
                            .help("put `and` or `or` before the `(`"));
                        }
                        // Open parentheses live on this explicit stack and
                        // end up as a count on one node: no depth limit, as
                        // in upstart.
                        open += 1;
                        state.stack.push(Frame::Open(span));
                        cur.pos += 1;
                        content_end = cur.pos;
                        cur.skip_whitespace();
                        pieces += 1;
                    }
                    Some(b')') => {
                        let span = Span::new(cur.pos, cur.pos + 1);
                        state.collect(span)?;
                        match state.stack.pop() {
                            Some(Frame::Open(_)) => {}
                            _ => {
                                return Err(ParseError::new(
                                    ErrorKind::MismatchedParens,
                                    span,
                                    "this `)` has no matching `(`",
                                )
                                .help("remove it or add the `(` it closes"));
                            }
                        }
                        open -= 1;
                        if let Some((root, _)) = state.root.as_mut() {
                            let parens = root.parens_mut();
                            *parens = parens.saturating_add(1);
                        }
                        cur.pos += 1;
                        content_end = cur.pos;
                        cur.skip_whitespace();
                        pieces += 1;
                    }
                    _ => {
                        let save = cur.pos;
                        let raw = cur.next_token(Delims::Paren, false)?;
                        content_end = raw.span.end;
                        let op = match &*raw.value {
                            b"and" => Some(Operator::And),
                            b"or" => Some(Operator::Or),
                            _ => None,
                        };
                        if let Some(op) = op {
                            state.collect(raw.span)?;
                            if let Some((lhs, lhs_depth)) = state.root.take() {
                                state.stack.push(Frame::Op {
                                    op,
                                    op_span: raw.span,
                                    lhs,
                                    lhs_depth,
                                });
                            }
                            pieces += 1;
                        } else {
                            cur.pos = save;
                            let tok = cur.next_token(Delims::Paren, true)?;
                            operand(&mut state, tok.text(), tok.span, &mut pieces)?;
                        }
                    }
                }
                if !cur.has_token() {
                    break;
                }
            }
            let comment = cur.peek_comment();
            cur.next_line();
            if !cur.at_end() && open > 0 {
                if let Some((text, span)) = comment {
                    comments.push(ExprComment {
                        after_piece: pieces,
                        comment: Comment { text, span },
                    });
                }
                continue;
            }
            return Ok(comment.map(|(text, span)| Box::new(Comment { text, span })));
        }
    })();
    let trailing = match result {
        Ok(trailing) => trailing,
        Err(err) => {
            skip_rest(cur, open);
            return Err(err);
        }
    };
    state.collect(Span::point(content_end))?;
    if let Some(Frame::Open(span)) = state.stack.iter().find(|f| matches!(f, Frame::Open(_))) {
        return Err(ParseError::new(
            ErrorKind::MismatchedParens,
            *span,
            "this `(` is never closed",
        )
        .related(Span::point(cur.src.len()), "the file ends here")
        .help("add the missing `)`; inside parentheses the expression continues over lines"));
    }
    let Some((expr, _)) = state.root else {
        return Err(ParseError::new(
            ErrorKind::ExpectedEvent,
            Span::point(content_end),
            "expected an event",
        ));
    };
    Ok((OnCondition { expr, comments }, trailing, content_end))
}

fn operand(
    state: &mut State,
    text: String,
    span: Span,
    pieces: &mut usize,
) -> Result<(), ParseError> {
    if let Some(Frame::Match(event)) = state.stack.last_mut() {
        let arg = EventArg::from_token(&text, span);
        if matches!(arg, EventArg::Positional { .. })
            && event
                .args
                .iter()
                .any(|a| matches!(a, EventArg::Named { .. }))
        {
            return Err(ParseError::new(
                ErrorKind::ExpectedVariable,
                span,
                "a positional value cannot follow a `KEY=VALUE` argument",
            )
            .help("put positional values first, or write this one as `KEY=VALUE`"));
        }
        event.span = event.span.to(span);
        event.args.push(arg);
        return Ok(());
    }
    *pieces += 1;
    state.stack.push(Frame::Match(EventMatch {
        name: text,
        name_span: span,
        args: Vec::new(),
        span,
    }));
    Ok(())
}

/// After an error, skip the rest of the expression: the rest of the line,
/// and further lines while parentheses are open.
fn skip_rest(cur: &mut Cursor<'_>, mut open: usize) {
    loop {
        cur.skip_whitespace();
        while cur.has_token() {
            match cur.peek() {
                Some(b'(') => {
                    open += 1;
                    cur.pos += 1;
                }
                Some(b')') => {
                    open = open.saturating_sub(1);
                    cur.pos += 1;
                }
                _ => {
                    let before = cur.pos;
                    if cur.token(Delims::Paren, false).is_err() {
                        cur.pos = cur.src.len();
                        return;
                    }
                    if cur.pos == before {
                        cur.pos += 1;
                    }
                }
            }
            cur.skip_whitespace();
        }
        cur.next_line();
        if cur.at_end() || open == 0 {
            return;
        }
    }
}
