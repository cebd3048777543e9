<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppSettings</name>
    <message>
        <source>You are a helpful assistant. Answer clearly and briefly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuiltinModels</name>
    <message>
        <source>Sosoik demo — Korean small talk (1.4 M parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct — English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik demo (Korean small talk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Downloads come from %1 only when you ask, are checked against their published sha256, and continue where they stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model host whether the models Sosoik downloaded have newer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended for this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · languages: %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking sha256…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer file is published: Update replaces this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check for an update: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Built-in small model — get a bigger one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by the server %1 — what you type leaves this PC.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationExport</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the answer length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context is full.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationImport</name>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>should be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>should be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>should be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>should be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds a value that is not a number or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: %1 &quot;%2&quot; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1 MB; Sosoik imports conversations up to %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Sosoik conversation export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was exported by a newer version of Sosoik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the conversation&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: it has no list of messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation has %1 messages; Sosoik imports up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: message %1 is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: message %1 has the role &quot;%2&quot; (user, assistant or system).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These apply to this conversation only. New conversations start from Settings (⚙) → Defaults for conversations.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CpuSettings</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Automatic (%n physical core(s))</source>
        <translation>
            <numerusform>Automatic (%n physical core)</numerusform>
            <numerusform>Automatic (%n physical cores)</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic (physical cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster prompts on the CPU (8-bit, slightly less exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads long prompts and documents about 1.5× faster. Small models may then answer a little differently, sometimes worse. Both settings apply when a model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loaded model still runs with the earlier choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other users of this computer could read your data folder %1. Sosoik has made it private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other users of this computer could read your data folder %1 (%2). Sosoik has made it private.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to summarize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF, Word (.docx), Hangul (.hwpx), HTML or text — the file never leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>How can I help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model to start chatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything runs on this computer. Enter sends, Shift+Enter starts a new line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a GGUF model file with the model button above (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationFields</name>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: a new answer every time (Regenerate). Another number repeats the same answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a conversation exported as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export conversation as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export conversation as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik conversation (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing a conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotkeySettingsPane</name>
    <message>
        <source>Global shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the quick query from any application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the new shortcut…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <source>Message Sosoik… (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first, then type here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is published under the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It allows non-commercial use only: research, study and personal use, not work for a business.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it before downloading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept and download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkConfirmDialog</name>
    <message>
        <source>Open this link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your web browser or mail program will open this address. Sosoik itself stays offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik opens only web (http, https) and e-mail (mailto) links. You can copy this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalModelsPane</name>
    <message>
        <source>Add a folder with GGUF models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GGUF models found yet. Download one from &quot;Get models&quot;, or add a folder that has some.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 parameters · %3 · %4 · context %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>languages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Sosoik looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik&apos;s models folder (%1), the folders below, and the models of Ollama, LM Studio, GPT4All, Jan and the Hugging Face cache, used where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Sosoik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide conversations (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt and sampling for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize a PDF, Word, Hangul, HTML or text file (Ctrl+Shift+O); or drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document to summarize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models on this computer and downloads (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBlock</name>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the conversation… %1 / %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelButton</name>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · remote — leaves this PC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Load this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · context %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger models (GGUF files from Hugging Face, e.g. Qwen2.5 1.5B Instruct Q4_0) answer much better: open one with &quot;Open file…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsFolder</name>
    <message>
        <source>it is not a full path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik cannot create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik cannot write there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsFolderPane</name>
    <message>
        <source>Choose the models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads go here, and Sosoik looks here first. Changing it moves no file: the models in the old folder stay there and are still listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the data folder %1. Check that the disk is writable and not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restrict the permissions of the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is damaged and could not be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a temporary file (is the disk full?): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the document was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 MB; Sosoik summarizes files up to %3 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is password-protected; remove the password and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses an old binary format (.%2); save it as .docx, .hwpx or PDF and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik cannot summarize .%1 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a text document (it contains binary data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or not a PDF poppler can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no text layer (it looks like scanned images); run OCR on it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: it is not a readable zip archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be decompressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Word document (word/document.xml is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Hangul document (Contents/section0.xml is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarizing chunk %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combining summaries (step %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s context (%1 tokens) is too small to summarize documents; choose a model with a longer context or ask for a shorter summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document contains no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds more than %2 million characters of text, the most Sosoik reads from one document (Settings, Summaries).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a zip archive Sosoik cannot read; supported documents are PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), OpenDocument (.odt), Hangul (.hwpx), HTML and text files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a normal document: its XML is nested more than %2 levels deep (the limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on slide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PowerPoint presentation (ppt/presentation.xml is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (xl/workbook.xml is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 more rows of %2 were not read: Sosoik reads the first %3 rows of a sheet.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a normal document: its part %2 expands to more than %3 MB (the limit for one part).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a normal document: it expands to more than %2 MB (the limit for one archive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an OpenDocument text (content.xml is missing).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickQueryPopup</name>
    <message>
        <source>Sosoik quick query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Sosoik… (Enter asks, Ctrl+Enter continues in chat, Esc hides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a file here to summarize it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by the server %1 — what you type leaves this PC.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message>
        <source>The server at %1 refused the API key (HTTP %2). Check the key in Settings → Remote engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 is busy or not ready (HTTP 503): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 answered HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at %1 (connection refused). Is the server running, and is the address right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer %1 was not found. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 stopped answering (nothing arrived for too long).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before its answer was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (for example http://gpu-box:8000/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 does not answer like an OpenAI-compatible server (its model list is not the expected JSON). Check the address: it usually ends in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 lists no models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 has no model &apos;%2&apos;; it has: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remote server answers chat messages only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 stopped with an error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 sent something that is not a chat completion: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 sent a piece of its answer that is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 answered something that is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteEnginePane</name>
    <message>
        <source>Use a model on another computer, such as your team&apos;s inference server. What you type is then sent to that server: it leaves this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(saved; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: %1 on %2. Open a model file to answer on this PC again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file dialog could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik cannot show a file dialog on this desktop: a Qt module it needs is missing. Install the package qml6-module-qt-labs-folderlistmodel (Debian, Ubuntu) and restart Sosoik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile, type the folder&apos;s full path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile, type the file&apos;s full path:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultDelegate</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerSettingsPane</name>
    <message>
        <source>Lets programs on this PC (editors, scripts, Open WebUI) use the loaded model through an OpenAI-compatible API. Only this PC can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the model on port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening at %1/v1 — requests being answered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening at %1/v1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the last model at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults for conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray and global shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote engine (OpenAI-compatible server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsBar</name>
    <message>
        <source>Waiting for the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so the conversation could not be saved. Free some space and try again. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is read-only, so changes cannot be saved. Check the file&apos;s permissions. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is damaged. Restart Sosoik to move it aside and start a new one. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is in use by another program. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be read or written. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryProgressBar</name>
    <message numerus="yes">
        <source> (%n more waiting)</source>
        <translation>
            <numerusform> (%n more waiting)</numerusform>
            <numerusform> (%n more waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummarySettings</name>
    <message>
        <source>Document summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary length (words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most text read from one document (million characters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThinkingSection</name>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the thought process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the thought process</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraySettingsPane</name>
    <message>
        <source>No system tray is available on this desktop, so Sosoik quits when its window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Sosoik when I log in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the quick-query popup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (.gguf) to load, documents to summarize.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::AppContext</name>
    <message>
        <source>Other users of this computer could read your settings file %1. Sosoik has made it private.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::BackgroundSettings</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::CatalogListModel</name>
    <message>
        <source>Fits (needs %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits with a %1-token context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit (needs %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: fits the free memory of %1 and runs on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recommended: fits this PC&apos;s memory and runs at a usable speed on its %n CPU core(s)</source>
        <translation>
            <numerusform>Recommended: fits this PC&apos;s memory and runs at a usable speed on its %n CPU core</numerusform>
            <numerusform>Recommended: fits this PC&apos;s memory and runs at a usable speed on its %n CPU cores</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: fits this PC&apos;s memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::ChatController</name>
    <message>
        <source>This answer was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the model&apos;s context.</source>
        <translation>
            <numerusform>%n older message was left out so the conversation fits the model&apos;s context.</numerusform>
            <numerusform>%n older messages were left out so the conversation fits the model&apos;s context.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still answering. Press Stop first, or wait for the answer to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save your message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the old answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the answer length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This summary was made from the document: to summarize it again, open the document again (Open document…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::EngineWorker</name>
    <message>
        <source>Your message is too long for the context: it needs %1 tokens but the context holds %2. Shorten it or raise the context length in the conversation settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Open a model file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged or incomplete (a download that stopped early looks like this). Download it again or choose another file. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::GlobalHotkey</name>
    <message>
        <source>global shortcuts are not implemented on macOS yet; use the tray icon or run `sosoik --quick-query` from a shortcut set in System Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this build of Sosoik was made without XCB support, so it cannot grab keys on X11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &quot;%1&quot; display platform has no global shortcuts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik runs through XWayland in a Wayland session, where a key grab only works while another X11 window has the focus, and this desktop&apos;s portal offers no global shortcuts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wayland lets no application grab keys, and this desktop&apos;s portal offers no global shortcuts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind a shortcut to the command `sosoik --quick-query` in your desktop&apos;s keyboard settings instead (GNOME: Settings → Keyboard → Custom Shortcuts; KDE Plasma: System Settings → Shortcuts → Add New → Command).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::HotkeySettings</name>
    <message>
        <source>&quot;%1&quot; is not a usable shortcut: use one key with Ctrl, Alt or Meta (for example %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global shortcut unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global shortcut is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opens the quick query from any application.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelDownload</name>
    <message>
        <source>%1 was not found on %2 (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the download of %2 (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file on %1 is not the one Sosoik expects (its sha256 differs); nothing was downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes no sha256 for %2, so Sosoik could not check the download; nothing was downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free disk space for %1: it needs %2 more, %3 is free in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik could not write the download to %1 (%2): the disk is probably full. The %3 downloaded so far are kept in %4; free some space, then Resume continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped sending data for %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partial download (%1) is kept: Resume continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the downloaded file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its sha256 is not the one %1 publishes. It was deleted; download it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the download to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 (%2). Check the network connection and the model host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelLibrary</name>
    <message>
        <source>Pause or cancel the running download first: it is writing into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be the models folder: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New downloads go to %1, and Sosoik looks there first. No file was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models already in %1 stay there and are still listed: that folder is now one of the searched folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished downloads in %1 start over in the new folder; delete the .part files there to free the space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of memory free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model host must be an http or https address, such as https://huggingface.co.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits (needs %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits with a %1-token context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit (needs %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the %1 before downloading %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No downloaded catalog model to check: updates are checked for the models Sosoik downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) could not be checked; the catalog says why.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelManager</name>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model is already loading. Wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (reference backend, slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not use the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (software Vulkan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (best GPU, else CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU — 1 thread, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU — %1 threads, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelScanner</name>
    <message>
        <source>the model is split into %1 files; this version of Sosoik loads single-file models (join them with llama.cpp&apos;s gguf-split --merge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the architecture &apos;%1&apos; is not supported by this version of Sosoik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tensor type %1 is not supported by this version of Sosoik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged or not a GGUF model: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelUpdateCheck</name>
    <message>
        <source>Could not reach %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes no sha256 for this file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::PortalGlobalHotkey</name>
    <message>
        <source>the desktop portal refused %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the desktop to bind %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sosoik&apos;s quick query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shortcut was not bound: the desktop&apos;s dialog was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desktop did not bind the shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desktop portal created no session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be registered: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::QuickQueryController</name>
    <message>
        <source>%1: only plain-text files can be summarized here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than one answer can cover: the main window is summarizing all of it in a new conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize the following text in a few short bullet points, in the language it is written in.%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (Only its beginning is included.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to summarize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains no text to summarize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued (%1 ahead): the model is busy with other answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: the model is busy with another answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(This exchange cannot be saved: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Open a model file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This text is too long for the context of %n token(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sosoik::app::RemoteEngineController</name>
    <message>
        <source>Could not save the API key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (for example http://gpu-box:8000/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 refused the API key (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the models of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer like an OpenAI-compatible server. Check the address: it usually ends in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 lists no models.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::SingleInstance</name>
    <message>
        <source>Cannot create the instance lock %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running Sosoik did not answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen for other launches on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a private folder of this user (owner %2, mode %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private folder for the instance socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program of another user answered on %1; Sosoik hands nothing to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::TrayController</name>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray is available, so Sosoik runs without a tray icon; closing the main window quits. The quick query still opens with the global shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sosoik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosoik — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::TrayIntegration</name>
    <message>
        <source>Sosoik is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the tray icon or press %1 for a quick question.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::UnavailableGlobalHotkey</name>
    <message>
        <source>%1 cannot be registered: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::WindowsGlobalHotkey</name>
    <message>
        <source>&quot;%1&quot; is not a usable global shortcut: use one key with Ctrl, Alt or Win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows refused the shortcut %1 (error %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::X11GlobalHotkey</name>
    <message>
        <source>no X11 connection is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable global shortcut: use one key with Ctrl, Alt or Meta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyboard layout has no key for &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::app::server::ApiServer</name>
    <message>
        <source>Listening on %1 would let other computers use the model: set an API key first, or listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::history::HistoryController</name>
    <message>
        <source>No file was chosen for the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: it is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 MB; Sosoik imports conversations up to %3 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::storage::Storage</name>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database was damaged and could not be read. It was kept as %1 and a new, empty database was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database was written by a newer version of Sosoik (schema %1; this version understands up to %2). It was left untouched; please update Sosoik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the conversation database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message needs a role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::summarize::SummaryController</name>
    <message>
        <source>Only files on this computer can be summarized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first; the document will be summarized once it is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not summarize %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary was cancelled before any part was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Summary cancelled; this is what was done.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1… %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sosoik::summarize::WorkerLlmBackend</name>
    <message>
        <source>No model is loaded; open a model first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
