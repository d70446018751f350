//! The message loop and the handlers.

use super::state::{Document, JobSet, SetKey, is_job_document};
use super::text::{LineIndex, apply_change};
use super::{IDLE, actions, complete, diagnostics, navigate, uri};
use crate::diag::{Code, Diagnostic};
use crate::lint::config::FILE_NAMES;
use crate::load::{file_kind, read_file};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionProviderCapability, CompletionOptions, FileChangeType,
    FileSystemWatcher, GlobPattern, HoverProviderCapability, InitializeParams, MessageType, OneOf,
    Position, PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Set in the environment, the server answers the request
/// `upstart-tools/crash` by panicking: the tests check that it survives.
pub const CRASH_TEST_ENV: &str = "UPSTART_TOOLS_LSP_CRASH_TEST";

/// Serve on stdin/stdout until the client says `exit`; whether it said
/// `shutdown` first (the protocol wants exit status 1 otherwise).
///
/// # Errors
/// When the connection breaks (the client went away, or sent something
/// that is not the protocol).
pub fn run() -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities(),
            "serverInfo": {"name": "upstart-tools", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server::new(connection, &params);
    // lsp-server's handshake took the `initialized` notification.
    server.guarded("initialized", Server::initialized);
    let clean = server.serve()?;
    let Server { connection, .. } = server;
    drop(connection);
    io_threads.join()?;
    Ok(clean)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "(".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(lsp_types::FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(
            lsp_types::CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..lsp_types::CodeActionOptions::default()
            },
        )),
        ..ServerCapabilities::default()
    }
}

/// An error answered to a request.
struct Failure {
    code: i32,
    message: String,
}

impl Failure {
    fn params(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidParams as i32,
            message: message.into(),
        }
    }
}

type Answer = Result<Value, Failure>;

struct Server {
    connection: Connection,
    docs: BTreeMap<String, Document>,
    sets: BTreeMap<SetKey, JobSet>,
    folders: Vec<PathBuf>,
    snippets: bool,
    watch: bool,
    crash_test: bool,
    next_id: i32,
}

impl Server {
    fn new(connection: Connection, params: &InitializeParams) -> Self {
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect();
        #[allow(deprecated)] // clients without workspace folders send only this
        if folders.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(uri::to_path)
        {
            folders.push(root);
        }
        let text_document = params.capabilities.text_document.as_ref();
        let snippets = text_document
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        Self {
            connection,
            docs: BTreeMap::new(),
            sets: BTreeMap::new(),
            folders,
            snippets,
            watch,
            crash_test: std::env::var_os(CRASH_TEST_ENV).is_some(),
            next_id: 0,
        }
    }

    /// The loop; whether it ended with `shutdown` then `exit`.
    fn serve(&mut self) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
        loop {
            let stale = self.docs.values().any(|d| d.stale);
            let message = if stale {
                match self.connection.receiver.recv_timeout(IDLE) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        self.guarded("idle lint", Self::refresh_stale);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(false),
                }
            } else {
                match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(false),
                }
            };
            match message {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(true);
                    }
                    self.request(req);
                }
                Message::Notification(n) => {
                    if n.method == lsp_types::notification::Exit::METHOD {
                        return Ok(false);
                    }
                    let method = n.method.clone();
                    self.guarded(&method, |s| s.notification(n));
                }
                Message::Response(_) => {}
            }
        }
    }

    /// Run `f`; a panic in it is logged and the server goes on.
    fn guarded(&mut self, what: &str, f: impl FnOnce(&mut Self)) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        if let Err(panic) = result {
            let message = format!(
                "upstart-tools lsp: internal error while handling {what}: {}; please report it",
                panic_text(&*panic)
            );
            self.show(MessageType::ERROR, &message);
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let method = req.method.clone();
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.handle_request(req)));
        let response = match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(f)) => Response::new_err(id, f.code, f.message),
            Err(panic) => {
                let message = format!(
                    "upstart-tools lsp: internal error while handling {method}: {}; please report it",
                    panic_text(&*panic)
                );
                self.log(MessageType::ERROR, &message);
                Response::new_err(id, ErrorCode::InternalError as i32, message)
            }
        };
        self.send(Message::Response(response));
    }

    fn handle_request(&mut self, req: Request) -> Answer {
        use lsp_types::request as r;
        let params = req.params;
        match req.method.as_str() {
            r::HoverRequest::METHOD => self.hover(parse(params)?),
            r::Completion::METHOD => self.completion(parse(params)?),
            r::GotoDefinition::METHOD => self.definition(parse(params)?),
            r::References::METHOD => self.references(parse(params)?),
            r::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(params)?;
                self.with_file(&p.text_document.uri, |_, file| {
                    to_value(navigate::symbols(file))
                })
            }
            r::FoldingRangeRequest::METHOD => {
                let p: lsp_types::FoldingRangeParams = parse(params)?;
                self.with_file(&p.text_document.uri, |_, file| {
                    to_value(navigate::folding(file))
                })
            }
            r::Formatting::METHOD => self.formatting(parse(params)?),
            r::CodeActionRequest::METHOD => self.code_action(parse(params)?),
            "upstart-tools/crash" if self.crash_test => {
                panic!("the crash test asked for it")
            }
            _ => Err(Failure {
                code: ErrorCode::MethodNotFound as i32,
                message: format!("upstart-tools lsp does not handle {}", req.method),
            }),
        }
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification as n_;
        let params = n.params;
        match n.method.as_str() {
            n_::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidOpenTextDocumentParams>(params) {
                    self.did_open(p);
                }
            }
            n_::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeTextDocumentParams>(params) {
                    self.did_change(p);
                }
            }
            n_::DidSaveTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidSaveTextDocumentParams>(params) {
                    self.lint_doc(p.text_document.uri.as_str(), true);
                    self.mark_others_stale(p.text_document.uri.as_str());
                }
            }
            n_::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidCloseTextDocumentParams>(params) {
                    self.did_close(&p.text_document.uri);
                }
            }
            n_::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeWatchedFilesParams>(params) {
                    self.watched(p);
                }
            }
            n_::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeWorkspaceFoldersParams>(params) {
                    for f in p.event.removed {
                        if let Some(path) = uri::to_path(&f.uri) {
                            self.folders.retain(|x| *x != path);
                            self.sets.remove(&SetKey::Folder(path));
                        }
                    }
                    for f in p.event.added {
                        if let Some(path) = uri::to_path(&f.uri) {
                            self.folders.push(path.clone());
                            self.load_folder(&path);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // ---- the workspace ----

    /// Load every folder, lint every job of it and publish.
    fn initialized(&mut self) {
        if self.watch {
            self.register_watchers();
        }
        let start = Instant::now();
        let mut files = 0;
        for folder in self.folders.clone() {
            files += self.load_folder(&folder);
        }
        if !self.folders.is_empty() {
            self.log(
                MessageType::INFO,
                &format!(
                    "upstart-tools lsp: linted {files} job files in {} ms",
                    start.elapsed().as_millis()
                ),
            );
        }
    }

    /// Load a folder's set, lint all of it and publish; how many files.
    fn load_folder(&mut self, folder: &Path) -> usize {
        let key = SetKey::Folder(folder.to_path_buf());
        let mut set = JobSet::load(folder, true);
        for e in std::mem::take(&mut set.config_errors) {
            self.show(MessageType::ERROR, &format!("upstart-tools lsp: {e}"));
        }
        let all = set.lint_all();
        for (i, diags) in all.iter().enumerate() {
            if diags.is_empty() {
                continue;
            }
            if let (Some(uri), Some(input)) = (set.uri_of(i), set.inputs.get(i)) {
                self.publish(&uri, None, diags, input.file.source.text());
            }
        }
        let files = set.inputs.len();
        self.sets.insert(key, set);
        files
    }

    fn register_watchers(&mut self) {
        let watchers = [
            "**/*.conf",
            "**/*.override",
            "**/.upstart-lint.toml",
            "**/upstart-lint.toml",
        ]
        .iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String((*g).to_string()),
            kind: None,
        })
        .collect();
        let registration = lsp_types::Registration {
            id: "upstart-tools-watch".into(),
            method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(
                lsp_types::DidChangeWatchedFilesRegistrationOptions { watchers },
            )
            .ok(),
        };
        self.next_id += 1;
        let request = Request::new(
            RequestId::from(format!("upstart-tools-{}", self.next_id)),
            lsp_types::request::RegisterCapability::METHOD.into(),
            lsp_types::RegistrationParams {
                registrations: vec![registration],
            },
        );
        self.send(Message::Request(request));
    }

    /// The set a file belongs to, loaded when needed.
    fn set_for(&mut self, path: Option<&Path>, uri: &Uri, text: &str) -> SetKey {
        let Some(path) = path else {
            let key = SetKey::Alone(uri.as_str().to_string());
            let name = uri.as_str().rsplit('/').next().unwrap_or("job.conf");
            self.sets
                .insert(key.clone(), JobSet::alone(Path::new(name), text));
            return key;
        };
        if let Some(folder) = self.folders.iter().find(|f| path.starts_with(f)) {
            let key = SetKey::Folder(folder.clone());
            if !self.sets.contains_key(&key) {
                let folder = folder.clone();
                self.load_folder(&folder);
            }
            return key;
        }
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let key = SetKey::Dir(dir.clone());
        self.sets
            .entry(key.clone())
            .or_insert_with(|| JobSet::load(&dir, false));
        key
    }

    fn did_open(&mut self, p: lsp_types::DidOpenTextDocumentParams) {
        let doc = p.text_document;
        let file_path = uri::to_path(&doc.uri);
        let handled = match &file_path {
            Some(path) => is_job_document(path, &doc.language_id),
            None => doc.language_id == "upstart",
        };
        if !handled {
            return;
        }
        let set = self.set_for(file_path.as_deref(), &doc.uri, &doc.text);
        let path = file_path.unwrap_or_else(|| {
            PathBuf::from(doc.uri.as_str().rsplit('/').next().unwrap_or("job.conf"))
        });
        let key = doc.uri.as_str().to_string();
        self.docs.insert(
            key.clone(),
            Document {
                uri: doc.uri,
                path,
                text: doc.text,
                version: doc.version,
                set,
                diagnostics: Vec::new(),
                stale: false,
                slow_lines: None,
            },
        );
        self.lint_doc(&key, true);
        self.mark_others_stale(&key);
    }

    fn did_change(&mut self, p: lsp_types::DidChangeTextDocumentParams) {
        let key = p.text_document.uri.as_str().to_string();
        let Some(doc) = self.docs.get_mut(&key) else {
            return;
        };
        for change in p.content_changes {
            apply_change(&mut doc.text, change);
        }
        doc.version = p.text_document.version;
        self.lint_doc(&key, false);
        self.mark_others_stale(&key);
    }

    fn did_close(&mut self, uri: &Uri) {
        let Some(doc) = self.docs.remove(uri.as_str()) else {
            return;
        };
        let Some(set) = self.sets.get_mut(&doc.set) else {
            return;
        };
        // The job goes back to its text on disk (or out of the set).
        match (&doc.set, read_file(&doc.path)) {
            (SetKey::Alone(_), _) => {
                self.sets.remove(&doc.set);
                self.publish(uri, None, &[], "");
            }
            (key, Ok(bytes)) => {
                let i = set.upsert(&doc.path, bytes);
                if matches!(key, SetKey::Folder(_)) {
                    // A workspace job keeps its diagnostics while closed.
                    let diags = set.lint_one(i, true);
                    let text = set.inputs[i].file.source.text().to_string();
                    self.publish(uri, None, &diags, &text);
                } else {
                    self.publish(uri, None, &[], "");
                }
            }
            (_, Err(_)) => {
                set.remove(&doc.path);
                self.publish(uri, None, &[], "");
            }
        }
        self.mark_others_stale(uri.as_str());
    }

    fn watched(&mut self, p: lsp_types::DidChangeWatchedFilesParams) {
        let mut configs = false;
        for change in p.changes {
            let Some(path) = uri::to_path(&change.uri) else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if FILE_NAMES.contains(&name) {
                configs = true;
                continue;
            }
            if file_kind(&path).is_none() || self.docs.contains_key(change.uri.as_str()) {
                continue;
            }
            let keys: Vec<SetKey> = self
                .sets
                .keys()
                .filter(|k| match k {
                    SetKey::Folder(f) => path.starts_with(f) && is_job_document(&path, ""),
                    SetKey::Dir(d) => path.parent() == Some(d.as_path()),
                    SetKey::Alone(_) => false,
                })
                .cloned()
                .collect();
            for key in keys {
                let Some(set) = self.sets.get_mut(&key) else {
                    continue;
                };
                if change.typ == FileChangeType::DELETED {
                    set.remove(&path);
                    self.publish(&change.uri, None, &[], "");
                } else if let Ok(bytes) = read_file(&path) {
                    let i = set.upsert(&path, bytes);
                    if matches!(key, SetKey::Folder(_)) {
                        let diags = set.lint_one(i, true);
                        let text = set.inputs[i].file.source.text().to_string();
                        self.publish(&change.uri, None, &diags, &text);
                    }
                }
            }
        }
        if configs {
            for set in self.sets.values_mut() {
                set.reload_configs();
            }
            let errors: Vec<String> = self
                .sets
                .values_mut()
                .flat_map(|s| std::mem::take(&mut s.config_errors))
                .collect();
            for e in errors {
                self.show(MessageType::ERROR, &format!("upstart-tools lsp: {e}"));
            }
        }
        for doc in self.docs.values_mut() {
            doc.stale = true;
        }
    }

    fn mark_others_stale(&mut self, key: &str) {
        let Some(set) = self.docs.get(key).map(|d| d.set.clone()) else {
            return;
        };
        for (k, doc) in &mut self.docs {
            if k != key && doc.set == set {
                doc.stale = true;
            }
        }
    }

    fn refresh_stale(&mut self) {
        let stale: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.stale)
            .map(|(k, _)| k.clone())
            .collect();
        for key in stale {
            self.lint_doc(&key, true);
        }
    }

    /// Lint an open document (its text put into its set) and publish.
    /// Without `slow`, shellcheck's findings of the last slow lint are kept
    /// while the lines stay where they were, and a slow lint follows when
    /// the client is idle.
    fn lint_doc(&mut self, key: &str, slow: bool) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let Some(set) = self.sets.get_mut(&doc.set) else {
            return;
        };
        let i = set.upsert(&doc.path, doc.text.as_bytes().to_vec());
        let mut diags = set.lint_one(i, slow);
        let has_slow = set.has_slow_passes(i);
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        let lines = doc.text.bytes().filter(|b| *b == b'\n').count();
        if !slow && has_slow && doc.slow_lines == Some(lines) {
            diags.extend(
                doc.diagnostics
                    .iter()
                    .filter(|d| d.code == Code::UL405 && d.span.end <= doc.text.len())
                    .cloned(),
            );
        }
        if slow {
            doc.slow_lines = Some(lines);
        }
        doc.stale = !slow && has_slow;
        doc.diagnostics = diags;
        let (uri, version) = (doc.uri.clone(), doc.version);
        let text = doc.text.clone();
        let diags = doc.diagnostics.clone();
        self.publish(&uri, Some(version), &diags, &text);
    }

    // ---- requests ----

    /// Run `f` on an open document's parsed file (and its set).
    fn with_file(
        &self,
        uri: &Uri,
        f: impl FnOnce(&JobSet, &crate::load::ParsedFile) -> Answer,
    ) -> Answer {
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Err(Failure::params(format!(
                "{} is not open (or not an upstart job)",
                uri.as_str()
            )));
        };
        let Some(set) = self.sets.get(&doc.set) else {
            return Ok(Value::Null);
        };
        let Some(i) = set.index_of(&doc.path) else {
            return Ok(Value::Null);
        };
        f(set, &set.inputs[i].file)
    }

    /// The byte offset of a position of an open document.
    fn offset(&self, uri: &Uri, position: Position) -> Result<usize, Failure> {
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Err(Failure::params(format!(
                "{} is not open (or not an upstart job)",
                uri.as_str()
            )));
        };
        let index = LineIndex::new(&doc.text);
        index.offset(position).ok_or_else(|| {
            Failure::params(format!(
                "position {}:{} is outside the document ({} lines)",
                position.line,
                position.character,
                index.lines()
            ))
        })
    }

    fn hover(&self, p: lsp_types::HoverParams) -> Answer {
        let at = p.text_document_position_params;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        self.with_file(&at.text_document.uri, |set, file| {
            let index = LineIndex::new(file.source.text());
            let markdown = |value: String, span: crate::source::Span| lsp_types::Hover {
                contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                    kind: lsp_types::MarkupKind::Markdown,
                    value,
                }),
                range: Some(index.range(span.start, span.end)),
            };
            let Some(target) = navigate::target_at(file, offset) else {
                // A rule code in a comment (a suppression).
                return match navigate::rule_at(file, offset) {
                    Some((span, text)) => to_value(markdown(text, span)),
                    None => Ok(Value::Null),
                };
            };
            let span = match &target {
                navigate::Target::Keyword { span, .. }
                | navigate::Target::Event { span, .. }
                | navigate::Target::Job { span, .. } => *span,
            };
            let Some(text) = navigate::hover(set, &target) else {
                return Ok(Value::Null);
            };
            to_value(markdown(text, span))
        })
    }

    fn completion(&self, p: lsp_types::CompletionParams) -> Answer {
        let at = p.text_document_position;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        let snippets = self.snippets;
        self.with_file(&at.text_document.uri, |set, file| {
            to_value(complete::complete(set, file, offset, snippets))
        })
    }

    fn definition(&self, p: lsp_types::GotoDefinitionParams) -> Answer {
        let at = p.text_document_position_params;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        self.with_file(&at.text_document.uri, |set, file| {
            let locations: Vec<lsp_types::Location> = match navigate::target_at(file, offset) {
                Some(navigate::Target::Event { name, .. }) => navigate::emitters(set, name)
                    .into_iter()
                    .filter_map(|(i, span)| navigate::location(set, i, span))
                    .collect(),
                Some(navigate::Target::Job { name, .. }) => navigate::jobs_named(set, name)
                    .into_iter()
                    .filter_map(|i| navigate::location(set, i, crate::source::Span::point(0)))
                    .collect(),
                _ => Vec::new(),
            };
            if locations.is_empty() {
                Ok(Value::Null)
            } else {
                to_value(locations)
            }
        })
    }

    fn references(&self, p: lsp_types::ReferenceParams) -> Answer {
        let at = p.text_document_position;
        let declarations = p.context.include_declaration;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        self.with_file(&at.text_document.uri, |set, file| {
            let mut spans: Vec<(usize, crate::source::Span)> = Vec::new();
            match navigate::target_at(file, offset) {
                Some(navigate::Target::Event { name, .. }) => {
                    if declarations {
                        spans.extend(navigate::emitters(set, name));
                    }
                    spans.extend(
                        navigate::event_matches(set)
                            .into_iter()
                            .filter(|(_, m)| m.name == name)
                            .map(|(i, m)| (i, m.name_span)),
                    );
                }
                Some(navigate::Target::Job { name, .. }) => {
                    if declarations {
                        spans.extend(
                            navigate::jobs_named(set, name)
                                .into_iter()
                                .map(|i| (i, crate::source::Span::point(0))),
                        );
                    }
                    spans.extend(
                        navigate::event_matches(set)
                            .into_iter()
                            .filter_map(|(i, m)| {
                                m.named_job()
                                    .filter(|j| j.name == name)
                                    .map(|j| (i, j.span))
                            }),
                    );
                }
                _ => return Ok(Value::Null),
            }
            let locations: Vec<lsp_types::Location> = spans
                .into_iter()
                .filter_map(|(i, span)| navigate::location(set, i, span))
                .collect();
            to_value(locations)
        })
    }

    fn formatting(&self, p: lsp_types::DocumentFormattingParams) -> Answer {
        self.with_file(
            &p.text_document.uri,
            |_, file| match crate::print::canonical(&file.parsed, file.source.bytes()) {
                Ok(text) if text == file.source.text() => {
                    to_value(Vec::<lsp_types::TextEdit>::new())
                }
                Ok(text) => {
                    let index = LineIndex::new(file.source.text());
                    to_value(vec![lsp_types::TextEdit::new(
                        index.range(0, file.source.text().len()),
                        text,
                    )])
                }
                Err(why) => Err(Failure {
                    code: ErrorCode::RequestFailed as i32,
                    message: format!("not formatted: {}", not_formatted(&why)),
                }),
            },
        )
    }

    fn code_action(&self, p: lsp_types::CodeActionParams) -> Answer {
        let Some(doc) = self.docs.get(p.text_document.uri.as_str()) else {
            return Ok(Value::Null);
        };
        let diagnostics = doc.diagnostics.clone();
        self.with_file(&p.text_document.uri, |_, file| {
            to_value(actions::actions(
                &p.text_document.uri,
                file,
                &diagnostics,
                p.range,
            ))
        })
    }

    // ---- output ----

    fn publish(&self, uri: &Uri, version: Option<i32>, diags: &[Diagnostic], text: &str) {
        let index = LineIndex::new(text);
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: diags
                .iter()
                .map(|d| diagnostics::to_lsp(d, &index, uri))
                .collect(),
            version,
        };
        self.send(Message::Notification(Notification::new(
            lsp_types::notification::PublishDiagnostics::METHOD.into(),
            params,
        )));
    }

    fn log(&self, typ: MessageType, message: &str) {
        self.send(Message::Notification(Notification::new(
            lsp_types::notification::LogMessage::METHOD.into(),
            lsp_types::LogMessageParams {
                typ,
                message: message.to_string(),
            },
        )));
    }

    fn show(&self, typ: MessageType, message: &str) {
        self.log(typ, message);
        self.send(Message::Notification(Notification::new(
            lsp_types::notification::ShowMessage::METHOD.into(),
            lsp_types::ShowMessageParams {
                typ,
                message: message.to_string(),
            },
        )));
    }

    fn send(&self, message: Message) {
        // A client that went away ends the loop at the next receive.
        let _ = self.connection.sender.send(message);
    }
}

fn not_formatted(why: &crate::print::NotFormatted) -> String {
    use crate::print::NotFormatted as N;
    match why {
        N::Errors => "fix the errors upstart rejects the file for first".into(),
        N::InvalidUtf8 => "the file has bytes that are not UTF-8".into(),
        N::Nul => "the file has NUL bytes".into(),
        N::Print(e) => e.to_string(),
        N::ChangesMeaning => "the canonical form would change the job's meaning (a bug in upstart-tools; please report it)".into(),
    }
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, Failure> {
    serde_json::from_value(params).map_err(|e| Failure::params(format!("invalid params: {e}")))
}

fn to_value(v: impl serde::Serialize) -> Answer {
    serde_json::to_value(v).map_err(|e| Failure {
        code: ErrorCode::InternalError as i32,
        message: e.to_string(),
    })
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}
