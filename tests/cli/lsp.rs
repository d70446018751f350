//! `upstart-tools lsp`, driven over stdio as an editor drives it: the
//! exact JSON of each answer, and an end-to-end run in Neovim's own client.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long any answer may take (the debug build under a loaded CI).
const TIMEOUT: Duration = Duration::from_secs(30);

/// A language client: the server process and the messages it sent.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
    dir: tempfile::TempDir,
}

impl Client {
    /// A server for a workspace of `files` (path → text) in a tempdir.
    fn start(files: &[(&str, &str)]) -> Self {
        Self::start_with(files, &[])
    }

    fn start_with(files: &[(&str, &str)], env: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("upstart-tools"));
        cmd.arg("lsp")
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn upstart-tools lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 0,
            dir,
        }
    }

    fn root(&self) -> PathBuf {
        std::fs::canonicalize(self.dir.path()).expect("canonical tempdir")
    }

    fn uri(&self, rel: &str) -> String {
        format!("file://{}", self.root().join(rel).display())
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and return its whole response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The result of a request that must succeed.
    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        response
            .get("result")
            .cloned()
            .unwrap_or_else(|| panic!("{method} failed: {response}"))
    }

    fn receive(&mut self) -> Value {
        self.messages
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    /// The next notification `method` that `accept` takes, received
    /// before or now.
    fn notification(&mut self, method: &str, accept: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self
            .pending
            .iter()
            .position(|m| m["method"] == method && accept(&m["params"]))
        {
            return self.pending.remove(i)["params"].clone();
        }
        loop {
            let message = self.receive();
            if message["method"] == method && accept(&message["params"]) {
                return message["params"].clone();
            }
            self.pending.push(message);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        let uri = uri.to_string();
        self.notification("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && p["version"] == version
        })["diagnostics"]
            .clone()
    }

    /// initialize (with the tempdir as the workspace) and initialized.
    fn initialize(&mut self, capabilities: Value) -> Value {
        let root = format!("file://{}", self.root().display());
        let result = self.result(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": capabilities}),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, rel: &str, text: &str) -> String {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "upstart", "version": 1, "text": text}}),
        );
        uri
    }

    /// shutdown, exit, and the server's exit status.
    fn stop(mut self) -> i32 {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("wait");
        status.code().unwrap_or(-1)
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The parameters of a request at a position.
fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

const WEB: &str =
    "description my web server\nstart on started db and bogus-event\nexec /usr/bin/web\n";
const DB: &str = "description \"the database\"\nemits db-ready\nexec /usr/bin/db\n";

#[test]
fn lsp_initialize_announces_its_features() {
    let mut client = Client::start(&[]);
    let result = client.initialize(json!({}));
    assert_eq!(
        result,
        json!({
            "capabilities": {
                "textDocumentSync": 2,
                "hoverProvider": true,
                "completionProvider": {"triggerCharacters": [" ", "("]},
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "foldingRangeProvider": true,
                "codeActionProvider": {"codeActionKinds": ["quickfix", "source.fixAll"]},
            },
            "serverInfo": {"name": "upstart-tools", "version": env!("CARGO_PKG_VERSION")},
        })
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_diagnostics_follow_the_text_and_the_workspace() {
    let mut client = Client::start(&[
        ("init/web.conf", WEB),
        ("init/db.conf", DB),
        // Not under an init/ directory: not a job.
        ("etc/nginx.conf", "server { listen 80; }\n"),
    ]);
    client.initialize(json!({}));
    // At start-up the whole workspace is linted, open or not.
    let web = client.uri("init/web.conf");
    let published = client.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == web.as_str() && p.get("version").is_none()
    });
    assert_eq!(
        published["diagnostics"].as_array().map(Vec::len),
        Some(2),
        "{published}"
    );
    let log = client.notification("window/logMessage", |_| true);
    assert!(
        log["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("upstart-tools lsp: linted 2 job files in ")),
        "{log}"
    );
    let web = client.open("init/web.conf", WEB);
    let ul302 = json!({
        "range": range(1, 24, 1, 35),
        "severity": 2,
        "code": "UL302",
        "codeDescription": {"href": "https://github.com/upstart-tools/upstart-tools#ul302"},
        "source": "upstart-lint",
        "message": "Unknown event: `bogus-event` is not a standard event and no job declares `emits bogus-event`\nhelp: add `emits bogus-event` to the job that runs `initctl emit bogus-event`, or list `bogus-event` in `known-events` in .upstart-lint.toml",
    });
    let ul006 = json!({
        "range": range(0, 15, 0, 18),
        "severity": 1,
        "code": "UL006",
        "codeDescription": {"href": "https://github.com/upstart-tools/upstart-tools#ul006"},
        "source": "upstart-lint",
        "message": "Extra argument: `description` takes no more arguments\nhelp: this stanza takes one argument: quote it if it contains spaces",
    });
    assert_eq!(client.diagnostics(&web, 1), json!([ul006, ul302]));

    // The safe fix, and the suppressions, of what is at the cursor.
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": web}, "range": range(0, 16, 0, 16), "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions,
        json!([{
            "title": "Quote the description",
            "kind": "quickfix",
            "diagnostics": [ul006],
            "edit": {"changes": {web.clone(): [{"range": range(0, 12, 0, 25), "newText": "\"my web server\""}]}},
            "isPreferred": true,
        }])
    );
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": web}, "range": range(1, 30, 1, 30), "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions,
        json!([
            {
                "title": "Suppress UL302 on this line",
                "kind": "quickfix",
                "diagnostics": [ul302],
                "edit": {"changes": {web.clone(): [{"range": range(1, 0, 1, 0), "newText": "# upstart-lint: disable=UL302\n"}]}},
            },
            {
                "title": "Suppress UL302 in this file",
                "kind": "quickfix",
                "diagnostics": [ul302],
                "edit": {"changes": {web.clone(): [{"range": range(0, 0, 0, 0), "newText": "# upstart-lint: disable-file=UL302\n"}]}},
            },
        ])
    );

    // An incremental change: the event becomes one db declares.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": web, "version": 2},
            "contentChanges": [{"range": range(1, 24, 1, 35), "text": "db-ready"}],
        }),
    );
    assert_eq!(client.diagnostics(&web, 2), json!([ul006]));

    // db stops declaring it (db is open too): web, whose context changed,
    // is linted again once the client is idle.
    let db = client.open("init/db.conf", DB);
    assert_eq!(client.diagnostics(&db, 1), json!([]));
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": db, "version": 2},
            "contentChanges": [{"text": "description \"the database\"\nexec /usr/bin/db\n"}],
        }),
    );
    assert_eq!(client.diagnostics(&db, 2), json!([]));
    // (A refresh of web may come first when the client pauses after
    // opening db: wait for the one that sees the change.)
    let web_uri = web.clone();
    let again = client.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == web_uri.as_str()
            && p["version"] == 2
            && p["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|d| d["code"] == "UL302"))
    });
    let codes: Vec<&Value> = again["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert_eq!(codes, [&json!("UL006"), &json!("UL302")], "{again}");
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_ranges_count_utf16_units() {
    // é is 2 bytes and 1 unit, 𝄞 4 bytes and 2 units: `dbx` starts at
    // byte 48, code point 44, UTF-16 unit 45.
    let text = "start on net-device-up IFACE=é𝄞 and started dbx\nexec /bin/true\n";
    let mut client = Client::start(&[("init/a.conf", text)]);
    client.initialize(json!({}));
    let a = client.open("init/a.conf", text);
    let diagnostics = client.diagnostics(&a, 1);
    let ul301 = diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "UL301")
        .unwrap_or_else(|| panic!("no UL301 in {diagnostics}"));
    assert_eq!(ul301["range"], range(0, 45, 0, 48));
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_hover_explains_keywords_events_and_jobs() {
    let web = "start on runlevel [2345] and started db and db-ready\nexec /usr/bin/web\n";
    let mut client = Client::start(&[("init/web.conf", web), ("init/db.conf", DB)]);
    client.initialize(json!({}));
    let uri = client.open("init/web.conf", web);
    let hover = client.result("textDocument/hover", at(&uri, 0, 7));
    assert_eq!(
        hover,
        json!({
            "contents": {"kind": "markdown", "value": "**`start on EVENT...`**\n\nWhen to start the job: an event expression (`and`, `or`, parentheses, `KEY=pattern` arguments), e.g. `start on runlevel [2345]` or `start on started dbus and filesystem`. Only the last `start on` counts."},
            "range": range(0, 0, 0, 8),
        })
    );
    let hover = client.result("textDocument/hover", at(&uri, 0, 10));
    assert_eq!(
        hover,
        json!({
            "contents": {"kind": "markdown", "value": "**event `runlevel`**: a standard event (init, its bridges or the standard tools emit it)\n\nVariables, in order (positional arguments match them):\n1. `RUNLEVEL`\n2. `PREVLEVEL`\n3. `INIT_HALT`"},
            "range": range(0, 9, 0, 17),
        })
    );
    let hover = client.result("textDocument/hover", at(&uri, 0, 46));
    let db_path = client.root().join("init/db.conf");
    assert_eq!(
        hover,
        json!({
            "contents": {"kind": "markdown", "value": format!("**event `db-ready`**\n\nDeclared by `emits` in:\n- `db` ({})", db_path.display())},
            "range": range(0, 44, 0, 52),
        })
    );
    let hover = client.result("textDocument/hover", at(&uri, 0, 38));
    assert_eq!(
        hover,
        json!({
            "contents": {"kind": "markdown", "value": format!("**job `db`**\n\nthe database\n\n{}", db_path.display())},
            "range": range(0, 37, 0, 39),
        })
    );
    // Nothing to say about a path.
    let hover = client.result("textDocument/hover", at(&uri, 1, 8));
    assert_eq!(hover, Value::Null);
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_completion_offers_what_fits_the_cursor() {
    let text = "expect \nstart on started \nexec /bin/true\n";
    let mut client = Client::start(&[("init/web.conf", text), ("init/db.conf", DB)]);
    client.initialize(
        json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}}),
    );
    let uri = client.open("init/web.conf", text);
    let items = client.result("textDocument/completion", at(&uri, 0, 7));
    let keyword = |w: &str| json!({"label": w, "kind": 14});
    assert_eq!(
        items,
        json!([
            keyword("fork"),
            keyword("daemon"),
            keyword("stop"),
            keyword("none")
        ])
    );
    // After a job event: the workspace's jobs, the event's variables.
    let items = client.result("textDocument/completion", at(&uri, 1, 17));
    let labels: Vec<&str> = items
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(
        labels,
        ["db", "web", "JOB=", "INSTANCE=", "and", "or"],
        "{items}"
    );
    // At the start of a line: stanzas, with snippets.
    let items = client.result("textDocument/completion", at(&uri, 2, 0));
    let script = items
        .as_array()
        .expect("array")
        .iter()
        .find(|i| i["label"] == "script")
        .cloned()
        .expect("script");
    assert_eq!(script["insertText"], "script\n    $0\nend script");
    assert_eq!(script["insertTextFormat"], 2);
    assert!(
        script["documentation"]["value"]
            .as_str()
            .is_some_and(|d| d.starts_with("**`script` … `end script`**")),
        "{script}"
    );
    // Events after `start on`: standard ones and those jobs declare.
    let items = client.result("textDocument/completion", at(&uri, 1, 9));
    let db_ready = items
        .as_array()
        .expect("array")
        .iter()
        .find(|i| i["label"] == "db-ready")
        .cloned();
    assert_eq!(
        db_ready,
        Some(json!({"label": "db-ready", "kind": 23, "detail": "emitted by db"}))
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_definition_and_references_of_events_and_jobs() {
    let web = "start on started db and db-ready\nexec /usr/bin/web\n";
    let mut client = Client::start(&[("init/web.conf", web), ("init/db.conf", DB)]);
    client.initialize(json!({}));
    let uri = client.open("init/web.conf", web);
    let db = client.uri("init/db.conf");
    let definition = client.result("textDocument/definition", at(&uri, 0, 26));
    assert_eq!(
        definition,
        json!([{"uri": db, "range": range(1, 6, 1, 14)}])
    );
    let definition = client.result("textDocument/definition", at(&uri, 0, 18));
    assert_eq!(definition, json!([{"uri": db, "range": range(0, 0, 0, 0)}]));
    let mut params = at(&uri, 0, 26);
    params["context"] = json!({"includeDeclaration": true});
    let references = client.result("textDocument/references", params);
    assert_eq!(
        references,
        json!([
            {"uri": db, "range": range(1, 6, 1, 14)},
            {"uri": uri, "range": range(0, 24, 0, 32)},
        ])
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_formatting_symbols_and_folding() {
    let text = "exec   /bin/true\nscript\n  echo hi\nend script\n";
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    let uri = client.open("init/a.conf", text);
    let edits = client.result(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(
        edits,
        json!([{"range": range(0, 0, 4, 0), "newText": "exec /bin/true\nscript\n    echo hi\nend script\n"}])
    );
    let folds = client.result(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(folds, json!([{"startLine": 1, "endLine": 3}]));
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(
        symbols,
        json!([
            {"name": "exec", "detail": "/bin/true", "kind": 12, "range": range(0, 0, 0, 16), "selectionRange": range(0, 0, 0, 4)},
            {"name": "script", "kind": 12, "range": range(1, 0, 3, 10), "selectionRange": range(1, 0, 1, 6)},
        ])
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_bad_input_never_brings_the_server_down() {
    // A missing `end script`: the file does not parse, and is reported.
    let text = "script\n  echo hi\n";
    let mut client = Client::start_with(&[], &[("UPSTART_TOOLS_LSP_CRASH_TEST", "1")]);
    client.initialize(json!({}));
    let uri = client.open("init/a.conf", text);
    let diagnostics = client.diagnostics(&uri, 1);
    let ul001 = diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "UL001")
        .unwrap_or_else(|| panic!("no UL001 in {diagnostics}"));
    assert_eq!(ul001["range"], range(1, 8, 1, 9), "{diagnostics}");
    assert_eq!(
        ul001["relatedInformation"],
        json!([{"location": {"uri": uri, "range": range(0, 0, 0, 6)}, "message": "block opened here"}])
    );
    // Formatting says why it cannot.
    let response = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(
        response["error"],
        json!({"code": -32803, "message": "not formatted: fix the errors upstart rejects the file for first"})
    );
    // A position past the end of the text.
    let response = client.request("textDocument/hover", at(&uri, 40, 0));
    assert_eq!(
        response["error"],
        json!({"code": -32602, "message": "position 40:0 is outside the document (3 lines)"})
    );
    // Parameters of the wrong shape.
    let response = client.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    // A handler that panics: an error answer, a log message, and the
    // server goes on serving.
    let response = client.request("upstart-tools/crash", json!({}));
    assert_eq!(response["error"]["code"], -32603, "{response}");
    let log = client.notification("window/logMessage", |p| p["type"] == 1);
    assert!(
        log["message"]
            .as_str()
            .is_some_and(|m| m.contains("the crash test asked for it")),
        "{log}"
    );
    let hover = client.result("textDocument/hover", at(&uri, 0, 2));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.starts_with("**`script`"))
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_exit_without_shutdown_is_status_1() {
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("wait");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn lsp_suppression_comments_explain_their_codes() {
    let text = "# upstart-lint: disable-file=UL603,\nexec /bin/true\n";
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    let uri = client.open("init/a.conf", text);
    let hover = client.result("textDocument/hover", at(&uri, 0, 31));
    assert_eq!(hover["range"], range(0, 29, 0, 34));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        value.starts_with(
            "**UL603 missing-description** (info, on by default)\n\nno `description` stanza\n\n"
        ),
        "{hover}"
    );
    // After the comma: every rule code.
    let items = client.result("textDocument/completion", at(&uri, 0, 35));
    let first = &items[0];
    assert_eq!(first["label"], "UL001", "{items}");
    assert_eq!(first["kind"], 12);
    assert_eq!(
        items.as_array().map(Vec::len),
        Some(client_rule_count()),
        "one item per rule"
    );
    assert_eq!(client.stop(), 0);
}

/// The number of rules `upstart-lint --explain` knows: the README's table.
fn client_rule_count() -> usize {
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).expect("README");
    readme
        .lines()
        .filter(|l| l.starts_with("| <a id=\"ul"))
        .count()
}

#[test]
fn lsp_applies_the_workspace_config() {
    let mut client = Client::start(&[
        (".upstart-lint.toml", "ignore = [\"UL302\"]\n"),
        ("init/web.conf", WEB),
    ]);
    client.initialize(json!({}));
    let uri = client.open("init/web.conf", WEB);
    let diagnostics = client.diagnostics(&uri, 1);
    let codes: Vec<&Value> = diagnostics
        .as_array()
        .expect("array")
        .iter()
        .map(|d| &d["code"])
        .collect();
    // UL302 is ignored; UL301 is not (db is not in the workspace).
    assert_eq!(codes, [&json!("UL006"), &json!("UL301")], "{diagnostics}");
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_shell_findings_land_on_their_characters() {
    if find_program("shellcheck").is_none() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "shellcheck is absent, and CI=true: .ci/run installs it"
        );
        let _ = writeln!(std::io::stderr(), "skipped: shellcheck is not installed");
        return;
    }
    // In the body, after two characters of 3 UTF-16 units (and 6 bytes).
    let text = "description \"x\"\nscript\n    echo é𝄞; [[ -f /x ]] && true\nend script\n";
    let mut client = Client::start(&[("init/a.conf", text)]);
    client.initialize(json!({}));
    let uri = client.open("init/a.conf", text);
    let diagnostics = client.diagnostics(&uri, 1);
    let sc = diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("SC3010"))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no SC3010 in {diagnostics}"));
    assert_eq!(sc["code"], "UL405");
    assert_eq!(sc["range"], range(2, 14, 2, 25));
    // Its suppression names the shellcheck code, as a shell comment
    // indented like the line.
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(2, 15, 2, 15), "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Suppress SC3010 on this line",
            "Suppress SC3010 in this file",
            "Suppress UL406 on this line",
            "Suppress UL406 in this file",
        ],
        "{actions}"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][uri.as_str()],
        json!([{"range": range(2, 0, 2, 0), "newText": "    # upstart-lint: disable=SC3010\n"}])
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_multi_line_expressions() {
    let text = "description \"x\"\nstart on (started db\n    and bogus-ev)\nexec /bin/true\n";
    let mut client = Client::start(&[("init/a.conf", text), ("init/db.conf", DB)]);
    client.initialize(json!({}));
    let uri = client.open("init/a.conf", text);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(diagnostics[0]["code"], "UL302", "{diagnostics}");
    assert_eq!(diagnostics[0]["range"], range(2, 8, 2, 16));
    // A comment line would end the expression: the suppression trails it.
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(2, 9, 2, 9), "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions[0]["title"], "Suppress UL302 on this line",
        "{actions}"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][uri.as_str()],
        json!([{"range": range(2, 17, 2, 17), "newText": "  # upstart-lint: disable=UL302"}])
    );
    // Completion on the continued line knows it is in the expression.
    let items = client.result("textDocument/completion", at(&uri, 2, 8));
    assert!(
        items
            .as_array()
            .expect("array")
            .iter()
            .any(|i| i["label"] == "db-ready" && i["kind"] == 23),
        "{items}"
    );
    // Applying the suppression silences the finding.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": range(2, 17, 2, 17), "text": "  # upstart-lint: disable=UL302"}],
        }),
    );
    assert_eq!(client.diagnostics(&uri, 2), json!([]));
    assert_eq!(client.stop(), 0);
}

#[test]
fn lsp_follows_files_changed_on_disk() {
    let web = "description \"web\"\nstart on bogus-event\nexec /usr/bin/web\n";
    let mut client = Client::start(&[("init/web.conf", web)]);
    client.initialize(json!({}));
    let uri = client.open("init/web.conf", web);
    let codes = |d: &Value| -> Vec<String> {
        d.as_array()
            .expect("array")
            .iter()
            .filter_map(|d| d["code"].as_str().map(ToString::to_string))
            .collect()
    };
    assert_eq!(codes(&client.diagnostics(&uri, 1)), ["UL302"]);
    // A job that declares the event appears on disk: web is linted again.
    let db = client.root().join("init/db.conf");
    std::fs::write(
        &db,
        "description \"db\"\nemits bogus-event\nexec /usr/bin/db\n",
    )
    .expect("write");
    let db_uri = client.uri("init/db.conf");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": db_uri, "type": 1}]}),
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)), Vec::<String>::new());
    // It goes away again, and a config now ignores the rule anyway.
    std::fs::remove_file(&db).expect("rm");
    std::fs::write(
        client.root().join(".upstart-lint.toml"),
        "ignore = [\"UL302\"]\n",
    )
    .expect("write");
    let config_uri = client.uri(".upstart-lint.toml");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": db_uri, "type": 3}, {"uri": config_uri, "type": 1}]}),
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)), Vec::<String>::new());
    std::fs::remove_file(client.root().join(".upstart-lint.toml")).expect("rm");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 3}]}),
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)), ["UL302"]);
    assert_eq!(client.stop(), 0);
}

/// Neovim's own client, headless: it starts the server, opens a job with
/// a missing `end script` and gets the diagnostic on the right line.
const NVIM_SCRIPT: &str = r#"
local bin, file, out = os.getenv("LSP_BIN"), os.getenv("LSP_FILE"), os.getenv("LSP_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = "upstart"
local id = vim.lsp.start_client({
  name = "upstart-tools",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h:h"),
})
vim.lsp.buf_attach_client(buf, id)
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code or "?"
  local first = d.message:gsub("\n.*", "")
  table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, code, first))
end
table.sort(lines)
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.cmd("qall!")
"#;

#[test]
fn lsp_neovim_shows_the_missing_end_script() {
    let Some(nvim) = find_program("nvim") else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "nvim is absent, and CI=true: .ci/run installs neovim"
        );
        let _ = writeln!(
            std::io::stderr(),
            "skipped: nvim is not installed (apt-get install neovim)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let job = dir.path().join("init/job.conf");
    std::fs::create_dir_all(job.parent().expect("parent")).expect("mkdir");
    std::fs::write(&job, "description \"a job\"\nscript\n  echo hi\n").expect("write");
    let script = dir.path().join("test.lua");
    std::fs::write(&script, NVIM_SCRIPT).expect("write");
    let out = dir.path().join("diagnostics.txt");
    let mut child = Command::new(nvim)
        .args(["--headless", "--clean", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("LSP_BIN", assert_cmd::cargo::cargo_bin("upstart-tools"))
        .env("LSP_FILE", &job)
        .env("LSP_OUT", &out)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn nvim");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_mins(1) {
            let _ = child.kill();
            panic!("nvim did not finish in 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let found = std::fs::read_to_string(&out).unwrap_or_default();
    assert_eq!(
        found, "3:9 UL001 Unterminated script block: the file ends before `end script`\n",
        "what Neovim received"
    );
}

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}
