//! `gainsay lsp`: a language server that shows contradictions between
//! articles as diagnostics while an article is written, the way a grammar
//! server shows style problems.
//!
//! At start-up the server indexes the workspace's articles once
//! ([`Workspace::index`]). An article the editor opens, edits or saves is
//! put into that corpus with the editor's text and checked against the
//! rest; edits are checked once typing pauses ([`Debouncer`]). Files that
//! change on disk are re-read as the client reports them. Hover shows a
//! finding's two claims and its rule's doc; a code action ignores the rule
//! in the article's front matter.
//!
//! The layers: [`transport`] frames messages and survives malformed ones;
//! this module dispatches them; [`workspace`] holds the corpus and the open
//! articles and calls the library to check; [`convert`], [`diagnostics`],
//! [`hover`] and [`actions`] only turn library types into protocol types,
//! converting byte offsets to positions in the negotiated encoding.

mod actions;
mod convert;
mod debounce;
mod diagnostics;
mod hover;
mod settings;
mod transport;
mod workspace;

use std::io::{self, BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, ExecuteCommand, HoverRequest, Initialize, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, ExecuteCommandOptions, ExecuteCommandParams,
    FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult,
    LogMessageParams, MarkupKind, MessageType, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;

pub use convert::{Encoding, LineIndex, path_to_uri, uri_to_path};
pub use debounce::Debouncer;
pub use settings::{DEFAULT_DEBOUNCE, ServerSettings, settings_for};
pub use workspace::Workspace;

/// Serves the protocol on standard input and output until the client
/// says `exit`. Returns the exit code the protocol asks for: 0 when
/// `shutdown` came first, 1 otherwise (or when the input just ended).
pub fn serve_stdio() -> io::Result<u8> {
    serve(BufReader::new(io::stdin()), io::stdout())
}

/// Serves the protocol on any byte streams; see [`serve_stdio`].
pub fn serve<R: BufRead + Send + 'static, W: Write>(input: R, output: W) -> io::Result<u8> {
    let incoming = transport::spawn_reader(input);
    let mut server = Server::new(output);
    loop {
        let received = match server.debouncer.next_due() {
            Some(due) => incoming.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(transport::Incoming::Message(message)) => {
                if server.handle(message)? == Flow::Exit {
                    break;
                }
            }
            Ok(transport::Incoming::Malformed { id, code, reason }) => server.malformed(id, code, &reason)?,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        for path in server.debouncer.take_due(Instant::now()) {
            server.check_settled(&path)?;
        }
    }
    Ok(u8::from(server.phase != Phase::ShutDown))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for `initialize`.
    Starting,
    Running,
    /// `shutdown` was answered; only `exit` is left.
    ShutDown,
}

#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// Why a request gets an error instead of a result.
struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

struct Server<W: Write> {
    output: W,
    phase: Phase,
    /// What a column counts, agreed at `initialize`.
    encoding: Encoding,
    /// Markdown for hovers, unless the client said it cannot show it.
    markup: MarkupKind,
    /// Whether the client lets the server ask to be told of file changes.
    can_watch: bool,
    /// Settled at `initialize`; the corpus is indexed from them right after.
    settings: Option<ServerSettings>,
    /// What was wrong with `gainsay.toml`, to tell the client once indexed.
    config_errors: Vec<crate::config::ConfigError>,
    /// The corpus and the open articles; `None` until indexed.
    workspace: Option<Workspace>,
    debouncer: Debouncer<PathBuf>,
    /// Ids for the server's own requests to the client.
    next_id: i32,
}

impl<W: Write> Server<W> {
    fn new(output: W) -> Self {
        Self {
            output,
            phase: Phase::Starting,
            encoding: Encoding::Utf16,
            markup: MarkupKind::Markdown,
            can_watch: false,
            settings: None,
            config_errors: Vec::new(),
            workspace: None,
            debouncer: Debouncer::new(DEFAULT_DEBOUNCE),
            next_id: 0,
        }
    }

    fn send(&mut self, message: impl Into<Message>) -> io::Result<()> {
        transport::write(&mut self.output, &message.into())
    }

    fn log(&mut self, typ: MessageType, message: impl Into<String>) -> io::Result<()> {
        let params = LogMessageParams { typ, message: message.into() };
        self.send(Notification::new(LogMessage::METHOD.to_string(), params))
    }

    /// Answers a frame that was not a message.
    fn malformed(&mut self, id: Option<RequestId>, code: ErrorCode, reason: &str) -> io::Result<()> {
        match id {
            Some(id) => self.send(Response::new_err(id, code as i32, reason.to_string()))?,
            None => transport::write_error_without_id(&mut self.output, code, reason)?,
        }
        self.log(MessageType::ERROR, format!("gainsay: ignored a malformed message: {reason}"))
    }

    /// Handles one message. A panic while handling it (a bug) is reported
    /// to the client and the server goes on.
    fn handle(&mut self, message: Message) -> io::Result<Flow> {
        let (id, method) = match &message {
            Message::Request(r) => (Some(r.id.clone()), r.method.clone()),
            Message::Notification(n) => (None, n.method.clone()),
            Message::Response(_) => (None, "a response".to_string()),
        };
        self.guarded(&method, id, |server| server.dispatch(message))
    }

    /// Checks an article whose edits have settled, surviving a panic.
    fn check_settled(&mut self, path: &Path) -> io::Result<()> {
        let what = format!("checking {}", path.display());
        self.guarded(&what, None, |server| server.check(path).map(|()| Flow::Continue)).map(|_| ())
    }

    /// Runs `work`; a panic in it becomes an internal error answered to the
    /// request `id` (if any) and a line in the client's log.
    fn guarded(
        &mut self,
        what: &str,
        id: Option<RequestId>,
        work: impl FnOnce(&mut Self) -> io::Result<Flow>,
    ) -> io::Result<Flow> {
        match panic::catch_unwind(AssertUnwindSafe(|| work(self))) {
            Ok(flow) => flow,
            Err(payload) => {
                let detail = payload
                    .downcast_ref::<&str>()
                    .map(ToString::to_string)
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let message = format!("gainsay: internal error in {what}: {detail}");
                if let Some(id) = id {
                    self.send(Response::new_err(id, ErrorCode::InternalError as i32, message.clone()))?;
                }
                self.log(MessageType::ERROR, message)?;
                Ok(Flow::Continue)
            }
        }
    }

    fn dispatch(&mut self, message: Message) -> io::Result<Flow> {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                let response = match self.request(request) {
                    Ok(result) => Response::new_ok(id, result),
                    Err(failure) => Response::new_err(id, failure.code as i32, failure.message),
                };
                self.send(response)?;
                if let Some(settings) = self.settings.take() {
                    self.index(settings)?;
                }
                Ok(Flow::Continue)
            }
            Message::Notification(notification) if notification.method == "exit" => Ok(Flow::Exit),
            Message::Notification(notification) => {
                if self.phase == Phase::Running {
                    self.notification(notification)?;
                }
                Ok(Flow::Continue)
            }
            // Answers to the server's own requests (watcher registration)
            // need no follow-up; a refusal only means no file events.
            Message::Response(_) => Ok(Flow::Continue),
        }
    }

    fn request(&mut self, request: Request) -> Result<serde_json::Value, Failure> {
        match (self.phase, request.method.as_str()) {
            (Phase::Starting, Initialize::METHOD) => Ok(self.initialize(&params(request.params)?)),
            (Phase::Starting, _) => Err(Failure::new(ErrorCode::ServerNotInitialized, "expected `initialize` first")),
            (Phase::ShutDown, _) => Err(Failure::new(ErrorCode::InvalidRequest, "the server is shut down")),
            (Phase::Running, Initialize::METHOD) => {
                Err(Failure::new(ErrorCode::InvalidRequest, "`initialize` was already received"))
            }
            (Phase::Running, Shutdown::METHOD) => {
                self.phase = Phase::ShutDown;
                Ok(serde_json::Value::Null)
            }
            (Phase::Running, HoverRequest::METHOD) => self.hover(&params(request.params)?).map(to_json),
            (Phase::Running, CodeActionRequest::METHOD) => self.code_action(&params(request.params)?).map(to_json),
            (Phase::Running, ExecuteCommand::METHOD) => self.execute_command(&params(request.params)?),
            (Phase::Running, method) => {
                Err(Failure::new(ErrorCode::MethodNotFound, format!("gainsay does not handle `{method}`")))
            }
        }
    }

    fn initialize(&mut self, params: &InitializeParams) -> serde_json::Value {
        let capabilities = &params.capabilities;
        let offered = capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref());
        self.encoding = Encoding::negotiate(offered);
        let formats = capabilities.text_document.as_ref().and_then(|t| t.hover.as_ref()?.content_format.as_ref());
        if formats.is_some_and(|f| !f.contains(&MarkupKind::Markdown)) {
            self.markup = MarkupKind::PlainText;
        }
        self.can_watch = capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files?.dynamic_registration)
            .unwrap_or(false);
        let (settings, config_errors) = settings_for(&workspace_folders(params));
        self.debouncer = Debouncer::new(settings.debounce);
        self.settings = Some(settings);
        self.config_errors = config_errors;
        self.phase = Phase::Running;
        let result = InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(self.encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..CodeActionOptions::default()
                })),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![actions::ADD_TO_BASELINE.to_string()],
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "gainsay".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        to_json(result)
    }
}

impl<W: Write> Server<W> {
    /// Indexes the corpus once, after answering `initialize`: until then
    /// the client's messages wait in the channel.
    fn index(&mut self, settings: ServerSettings) -> io::Result<()> {
        let started = Instant::now();
        for error in std::mem::take(&mut self.config_errors) {
            let message = format!("gainsay: {error}; using the workspace folders and the default rules");
            self.log(MessageType::ERROR, message)?;
        }
        let roots: Vec<String> = settings.corpus.iter().map(|p| p.display().to_string()).collect();
        let config = settings.config.as_ref().map_or_else(String::new, |c| format!(" ({})", c.display()));
        let (workspace, problems) = Workspace::index(settings);
        for error in problems.articles {
            let typ = if matches!(error, crate::ingest::InputError::Empty { .. }) {
                MessageType::INFO
            } else {
                MessageType::WARNING
            };
            self.log(typ, format!("gainsay: skipped {error}"))?;
        }
        if let Some(error) = problems.baseline {
            self.log(MessageType::WARNING, format!("gainsay: {error}; findings are shown without a baseline"))?;
        }
        let message = format!(
            "gainsay: indexed {} articles from [{}]{config} in {} ms",
            workspace.corpus.documents.len(),
            roots.join(", "),
            started.elapsed().as_millis()
        );
        self.workspace = Some(workspace);
        self.log(MessageType::INFO, message)?;
        if self.can_watch {
            self.watch_files()?;
        }
        Ok(())
    }

    /// Asks the client to report article files created, changed or deleted.
    fn watch_files(&mut self) -> io::Result<()> {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.{md,txt}".to_string()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "gainsay-watch-articles".to_string(),
            method: DidChangeWatchedFiles::METHOD.to_string(),
            register_options: Some(to_json(options)),
        };
        self.next_id += 1;
        let id = RequestId::from(format!("gainsay-{}", self.next_id));
        let params = RegistrationParams { registrations: vec![registration] };
        self.send(Request::new(id, RegisterCapability::METHOD.to_string(), params))
    }

    fn notification(&mut self, notification: Notification) -> io::Result<()> {
        let method = notification.method.clone();
        let handled = match method.as_str() {
            DidOpenTextDocument::METHOD => params(notification.params).map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => params(notification.params).map(|p| {
                self.did_change(&p);
                Ok(())
            }),
            DidSaveTextDocument::METHOD => params(notification.params).map(|p| self.did_save(&p)),
            DidCloseTextDocument::METHOD => params(notification.params).map(|p| self.did_close(&p)),
            DidChangeWatchedFiles::METHOD => params(notification.params).map(|p| self.did_change_watched_files(p)),
            // `initialized`, `$/cancelRequest`, `$/setTrace` and the rest need nothing.
            _ => Ok(Ok(())),
        };
        match handled {
            Ok(result) => result,
            Err(failure) => self.log(MessageType::ERROR, format!("gainsay: ignored `{method}`: {}", failure.message)),
        }
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) -> io::Result<()> {
        let document = params.text_document;
        if !is_article(&document.uri, &document.language_id) {
            return Ok(());
        }
        let path = key(&document.uri);
        let Some(workspace) = self.workspace.as_mut() else {
            return Ok(());
        };
        workspace.open(path.clone(), document.uri, document.text, document.version);
        self.debouncer.cancel(&path);
        self.check(&path)
    }

    fn did_change(&mut self, params: &DidChangeTextDocumentParams) {
        let path = key(&params.text_document.uri);
        let encoding = self.encoding;
        let Some(article) = self.workspace.as_mut().and_then(|w| w.article_mut(&path)) else {
            return;
        };
        for change in &params.content_changes {
            convert::apply_change(&mut article.text, change, encoding);
        }
        article.version = params.text_document.version;
        article.stale = true;
        self.debouncer.touch(path, Instant::now());
    }

    fn did_save(&mut self, params: &DidSaveTextDocumentParams) -> io::Result<()> {
        let path = key(&params.text_document.uri);
        self.debouncer.cancel(&path);
        self.check(&path)
    }

    fn did_close(&mut self, params: &DidCloseTextDocumentParams) -> io::Result<()> {
        let path = key(&params.text_document.uri);
        self.debouncer.cancel(&path);
        let Some(workspace) = self.workspace.as_mut() else {
            return Ok(());
        };
        if workspace.article(&path).is_none() {
            return Ok(());
        }
        let affected = workspace.close(&path);
        let cleared = PublishDiagnosticsParams::new(params.text_document.uri.clone(), Vec::new(), None);
        self.send(Notification::new(PublishDiagnostics::METHOD.to_string(), cleared))?;
        self.recheck(affected)
    }

    fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) -> io::Result<()> {
        let mut affected = Vec::new();
        let mut problems = Vec::new();
        if let Some(workspace) = self.workspace.as_mut() {
            for change in params.changes {
                let Some(path) = uri_to_path(&change.uri) else {
                    continue;
                };
                match workspace.disk_changed(&path) {
                    Ok(paths) => affected.extend(paths),
                    Err(error) => problems.push(format!("gainsay: {error}")),
                }
            }
        }
        for problem in problems {
            self.log(MessageType::WARNING, problem)?;
        }
        affected.sort();
        affected.dedup();
        self.recheck(affected)
    }

    /// Checks an open article and publishes its diagnostics, then those of
    /// the other open articles its change affects.
    fn check(&mut self, path: &Path) -> io::Result<()> {
        let Some(workspace) = self.workspace.as_mut() else {
            return Ok(());
        };
        if workspace.article(path).is_none() {
            return Ok(());
        }
        let affected = workspace.check(path);
        self.publish(path)?;
        self.recheck(affected)
    }

    /// Re-checks articles whose text did not change but whose findings may
    /// have; one with an edit waiting is checked when its wait is over.
    fn recheck(&mut self, paths: Vec<PathBuf>) -> io::Result<()> {
        for path in paths {
            if self.debouncer.is_pending(&path) {
                continue;
            }
            if let Some(workspace) = self.workspace.as_mut() {
                workspace.check(&path);
            }
            self.publish(&path)?;
        }
        Ok(())
    }

    fn publish(&mut self, path: &Path) -> io::Result<()> {
        let Some(workspace) = self.workspace.as_ref() else {
            return Ok(());
        };
        let Some(article) = workspace.article(path) else {
            return Ok(());
        };
        let Some(checked) = &article.checked else {
            return Ok(());
        };
        let diagnostics = diagnostics::for_article(workspace, checked, self.encoding);
        let params = PublishDiagnosticsParams::new(article.uri.clone(), diagnostics, Some(checked.version));
        self.send(Notification::new(PublishDiagnostics::METHOD.to_string(), params))
    }

    /// Checks an article now if an edit to it is waiting, so a request is
    /// answered against the text the client sees.
    fn flush(&mut self, path: &Path) -> Result<(), Failure> {
        if self.debouncer.is_pending(path) {
            self.debouncer.cancel(path);
            self.check(path).map_err(|e| Failure::new(ErrorCode::InternalError, e.to_string()))?;
        }
        Ok(())
    }

    fn hover(&mut self, params: &HoverParams) -> Result<Option<lsp_types::Hover>, Failure> {
        let position = &params.text_document_position_params;
        let path = key(&position.text_document.uri);
        self.flush(&path)?;
        let Some(workspace) = self.workspace.as_ref() else {
            return Ok(None);
        };
        let Some(checked) = workspace.article(&path).and_then(|a| a.checked.as_ref()) else {
            return Ok(None);
        };
        let text = &workspace.corpus.documents[checked.doc].text;
        let offset = LineIndex::new(text, self.encoding).offset(position.position);
        Ok(hover::hover(workspace, checked, offset, self.encoding, self.markup.clone()))
    }

    fn code_action(&mut self, params: &CodeActionParams) -> Result<Vec<lsp_types::CodeActionOrCommand>, Failure> {
        let path = key(&params.text_document.uri);
        self.flush(&path)?;
        let Some(workspace) = self.workspace.as_ref() else {
            return Ok(Vec::new());
        };
        let Some(article) = workspace.article(&path) else {
            return Ok(Vec::new());
        };
        let span = LineIndex::new(&article.text, self.encoding).span(params.range);
        Ok(actions::code_actions(workspace, article, &span, &params.context.diagnostics, self.encoding))
    }

    /// Runs a command a code action carries: adding a finding to the
    /// baseline, then showing every open article without it.
    fn execute_command(&mut self, params: &ExecuteCommandParams) -> Result<serde_json::Value, Failure> {
        if params.command != actions::ADD_TO_BASELINE {
            return Err(Failure::new(ErrorCode::InvalidParams, format!("no command `{}`", params.command)));
        }
        let (uri, fingerprint) = match params.arguments.as_slice() {
            [uri, fingerprint] => (uri.as_str().and_then(|u| Uri::from_str(u).ok()), fingerprint.as_str()),
            _ => (None, None),
        };
        let (Some(uri), Some(fingerprint)) = (uri, fingerprint) else {
            return Err(Failure::new(ErrorCode::InvalidParams, "expected [document URI, finding fingerprint]"));
        };
        let path = key(&uri);
        self.flush(&path)?;
        let workspace = self.workspace.as_mut().ok_or_else(|| Failure::new(ErrorCode::RequestFailed, "not indexed"))?;
        let open =
            workspace.add_to_baseline(&path, fingerprint).map_err(|e| Failure::new(ErrorCode::RequestFailed, e))?;
        self.recheck(open).map_err(|e| Failure::new(ErrorCode::InternalError, e.to_string()))?;
        Ok(serde_json::Value::Null)
    }
}

fn params<P: DeserializeOwned>(value: serde_json::Value) -> Result<P, Failure> {
    serde_json::from_value(value).map_err(|e| Failure::new(ErrorCode::InvalidParams, e.to_string()))
}

fn to_json(value: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The folders the client opened: its workspace folders, else the older
/// single root.
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect();
    }
    #[expect(deprecated, reason = "clients that predate workspace folders send only a root URI")]
    let root = params.root_uri.as_ref();
    root.and_then(uri_to_path).into_iter().collect()
}

/// The key an open article is known by: its path, or for a buffer with no
/// file (`untitled:`), its URI.
fn key(uri: &Uri) -> PathBuf {
    uri_to_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()))
}

/// Whether the server checks a document: a `.md` or `.txt` file, or an
/// unsaved Markdown or plain-text buffer.
fn is_article(uri: &Uri, language_id: &str) -> bool {
    match uri_to_path(uri) {
        Some(path) => {
            path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("txt"))
        }
        None => matches!(language_id, "markdown" | "plaintext" | "text"),
    }
}
