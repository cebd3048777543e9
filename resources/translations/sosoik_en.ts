<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppSettings</name>
    <message>
        <source>You are a helpful assistant. Answer clearly and briefly.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BuiltinModels</name>
    <message>
        <source>Sosoik demo — Korean small talk (1.4 M parameters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SmolLM2 135M Instruct — English</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Built-in small model — get a bigger one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation actions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These apply to this conversation only. Defaults for new conversations are in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the defaults</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to summarize</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF, Word (.docx), Hangul (.hwpx), HTML or text — the file never leaves this computer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>How can I help?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a model to start chatting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything runs on this computer. Enter sends, Shift+Enter starts a new line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a GGUF model file with the model button above (Ctrl+O).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GenerationFields</name>
    <message>
        <source>System prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Max new tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a conversation exported as JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search all conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Older</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No conversations yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export conversation as JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export conversation as Markdown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik conversation (*.json)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HotkeySettingsPane</name>
    <message>
        <source>Global shortcut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the quick query from any application</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press the new shortcut…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <source>Message Sosoik… (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a model first, then type here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation><numerusform>%n token</numerusform><numerusform>%n tokens</numerusform></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Sosoik</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or hide conversations (Ctrl+B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System prompt and sampling for this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik — open a model to start chatting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open document…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize a PDF, Word, Hangul, HTML or text file (Ctrl+Shift+O); or drop files here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a document to summarize</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save and send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelButton</name>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a model…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a model (Ctrl+O)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trained context</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation><numerusform>%n token</numerusform><numerusform>%n tokens</numerusform></translation>
    </message>
    <message>
        <source>Load this model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2 · context %3 · %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Built-in models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bigger models (GGUF files from Hugging Face, e.g. Qwen2.5 1.5B Instruct Q4_0) answer much better: open one with "Open file…".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewChatPanel</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the data folder %1. Check that the disk is writable and not full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot restrict the permissions of the data folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 is damaged and could not be moved aside.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create a temporary file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write a temporary file (is the disk full?): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the document was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2 MB; Sosoik summarizes files up to %3 MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a zip archive Sosoik cannot read; supported documents are PDF, Word (.docx), Hangul (.hwpx), HTML and text files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is password-protected; remove the password and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 uses an old binary format (.%2); save it as .docx, .hwpx or PDF and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik cannot summarize .%1 files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a text document (it contains binary data).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 contains no text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged or not a PDF poppler can read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no text layer (it looks like scanned images); run OCR on it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged: it is not a readable zip archive.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be decompressed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged: %2 (%3).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a Word document (word/document.xml is missing).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a Hangul document (Contents/section0.xml is missing).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarizing chunk %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Combining summaries (step %1 of %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Writing the summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The model's context (%1 tokens) is too small to summarize documents; choose a model with a longer context or ask for a shorter summary.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document contains no text.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuickQueryPopup</name>
    <message>
        <source>Sosoik quick query</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask Sosoik… (Enter asks, Ctrl+Enter continues in chat, Esc hides)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop a file here to summarize it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continue in chat</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchResultDelegate</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopen the last model at start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Defaults for conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tray and global shortcut</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatsBar</name>
    <message>
        <source>Waiting for the model…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answering…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk is full, so the conversation could not be saved. Free some space and try again. (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database is read-only, so changes cannot be saved. Check the file's permissions. (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database is damaged. Restart Sosoik to move it aside and start a new one. (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database is in use by another program. (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk could not be read or written. (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SummaryProgressBar</name>
    <message numerus="yes">
        <source> (%n more waiting)</source>
        <translation><numerusform> (%n more waiting)</numerusform><numerusform> (%n more waiting)</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SummarySettings</name>
    <message>
        <source>Document summaries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Same as the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary length (words)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TraySettingsPane</name>
    <message>
        <source>No system tray is available on this desktop, so Sosoik quits when its window closes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start Sosoik when I log in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the quick-query popup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents to summarize.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::BackgroundSettings</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::ChatController</name>
    <message>
        <source>This answer was interrupted.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the model's context.</source>
        <translation><numerusform>%n older message was left out so the conversation fits the model's context.</numerusform><numerusform>%n older messages were left out so the conversation fits the model's context.</numerusform></translation>
    </message>
    <message>
        <source>Could not save the conversation: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still answering. Press Stop first, or wait for the answer to finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save your message: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save the answer: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not remove the old answer: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not change the conversation: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the answer before deleting it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not delete the message: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reached the answer length limit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The context is full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::EngineWorker</name>
    <message>
        <source>Your message is too long for the context: it needs %1 tokens but the context holds %2. Shorten it or raise the context length in the conversation settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No model is loaded. Open a model file first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::GlobalHotkey</name>
    <message>
        <source>global shortcuts are not implemented on macOS yet; use the tray icon or run `sosoik --quick-query` from a shortcut set in System Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this build of Sosoik was made without XCB support, so it cannot grab keys on X11.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wayland does not let applications grab keys. Bind a shortcut in your desktop's keyboard settings to the command `sosoik --quick-query` instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the "%1" display platform has no global shortcuts.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::HotkeySettings</name>
    <message>
        <source>"%1" is not a usable shortcut: use one key with Ctrl, Alt or Meta (for example %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Global shortcut unavailable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Global shortcut is off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 opens the quick query from any application.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::ModelManager</name>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A model is already loading. Wait for it to finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>GPU: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU (reference backend, slow)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::QuickQueryController</name>
    <message>
        <source>%1: only plain-text files can be summarized here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is longer than one answer can cover: the main window is summarizing all of it in a new conversation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize the following text in a few short bullet points, in the language it is written in.%1

%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (Only its beginning is included.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds no text to summarize.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize: %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 contains no text to summarize.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued (%1 ahead): the model is busy with other answers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued: the model is busy with another answer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(This exchange cannot be saved: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::SingleInstance</name>
    <message>
        <source>Cannot create the instance lock %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The running Sosoik did not answer (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot listen for other launches on %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::TrayController</name>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model: %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik — click for a quick question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system tray is available, so Sosoik runs without a tray icon; closing the main window quits. The quick query still opens with the global shortcut.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quick query</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Sosoik</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize clipboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unload model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sosoik — %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::TrayIntegration</name>
    <message>
        <source>Sosoik is still running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click the tray icon or press %1 for a quick question.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::UnavailableGlobalHotkey</name>
    <message>
        <source>%1 cannot be registered: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::WindowsGlobalHotkey</name>
    <message>
        <source>"%1" is not a usable global shortcut: use one key with Ctrl, Alt or Win.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows refused the shortcut %1 (error %2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::app::X11GlobalHotkey</name>
    <message>
        <source>no X11 connection is available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a usable global shortcut: use one key with Ctrl, Alt or Meta.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyboard layout has no key for "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::history::HistoryController</name>
    <message>
        <source>No file was chosen for the export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>conversation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::storage</name>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>answer interrupted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not a Sosoik conversation export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file was exported by a newer version of Sosoik.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file contains a message without a role or text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::storage::Storage</name>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the conversation database %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database was damaged and could not be read. It was kept as %1 and a new, empty database was started.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database is damaged: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database was written by a newer version of Sosoik (schema %1; this version understands up to %2). It was left untouched; please update Sosoik.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot upgrade the conversation database: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The conversation database is not open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A message needs a role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::summarize::SummaryController</name>
    <message>
        <source>Documents (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only files on this computer can be summarized.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a model first; the document will be summarized once it is loaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarize %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · about %1 left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not summarize %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The summary was cancelled before any part was done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(Summary cancelled; this is what was done.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading %1… %2%</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sosoik::summarize::WorkerLlmBackend</name>
    <message>
        <source>No model is loaded; open a model first.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
