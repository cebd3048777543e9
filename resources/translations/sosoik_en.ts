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
    <name>main</name>
    <message>
        <source>Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR).</source>
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
</TS>
