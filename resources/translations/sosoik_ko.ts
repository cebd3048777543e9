<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AppSettings</name>
    <message>
        <source>You are a helpful assistant. Answer clearly and briefly.</source>
        <translation>당신은 친절한 도우미입니다. 명확하고 간결하게 답하세요.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>BuiltinModels</name>
    <message>
        <source>Sosoik demo — Korean small talk (1.4 M parameters)</source>
        <translation>소소익 데모 — 한국어 잡담 (매개변수 140만 개)</translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct — English</source>
        <translation>SmolLM2 135M Instruct — 영어</translation>
    </message>
    <message>
        <source>Sosoik demo (Korean small talk)</source>
        <translation>소소익 데모 (한국어 잡담)</translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct</source>
        <translation>SmolLM2 135M Instruct</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Downloads come from %1 only when you ask, are checked against their published sha256, and continue where they stopped.</source>
        <translation>요청할 때만 %1에서 내려받으며, 공개된 sha256으로 확인하고, 멈춘 곳부터 이어받습니다.</translation>
    </message>
    <message>
        <source>Recommended for this PC</source>
        <translation>이 PC에 추천</translation>
    </message>
    <message>
        <source>Non-commercial</source>
        <translation>비상업용</translation>
    </message>
    <message>
        <source>%1 · %2 · languages: %3 · %4</source>
        <translation>%1 · %2 · 언어: %3 · %4</translation>
    </message>
    <message>
        <source>Checking sha256…</source>
        <translation>sha256 확인 중…</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>일시 정지: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어받기</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>불러옴</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Model host:</source>
        <translation>모델 호스트:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation>업데이트 확인</translation>
    </message>
    <message>
        <source>Ask the model host whether the models Sosoik downloaded have newer files</source>
        <translation>Sosoik이 내려받은 모델의 새 파일이 모델 호스트에 있는지 확인합니다</translation>
    </message>
    <message>
        <source>A newer file is published: Update replaces this one</source>
        <translation>새 파일이 나왔습니다: 업데이트하면 이 파일을 바꿉니다</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>최신입니다</translation>
    </message>
    <message>
        <source>Could not check for an update: %1</source>
        <translation>업데이트를 확인하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Built-in small model — get a bigger one</source>
        <translation>내장된 작은 모델로 답하는 중입니다 — 더 큰 모델을 받아 보세요</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>모델…</translation>
    </message>
    <message>
        <source>Answered by the server %1 — what you type leaves this PC.</source>
        <translation>%1 서버가 답합니다 — 입력한 내용이 이 PC 밖으로 나갑니다.</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>대화 작업</translation>
    </message>
</context>
<context>
    <name>ConversationExport</name>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>answer interrupted</source>
        <translation>답변이 중간에 끊김</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>Reached the answer length limit.</source>
        <translation>답변 길이 제한에 도달했습니다.</translation>
    </message>
    <message>
        <source>The context is full.</source>
        <translation>컨텍스트가 가득 찼습니다.</translation>
    </message>
</context>
<context>
    <name>ConversationImport</name>
    <message>
        <source>is missing</source>
        <translation>이(가) 없습니다</translation>
    </message>
    <message>
        <source>should be text</source>
        <translation>은(는) 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>is longer than %1 characters (the limit)</source>
        <translation>이(가) %1자(한도)보다 깁니다</translation>
    </message>
    <message>
        <source>should be a whole number</source>
        <translation>은(는) 0 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <source>should be true or false</source>
        <translation>은(는) true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>should be an object</source>
        <translation>은(는) 객체여야 합니다</translation>
    </message>
    <message>
        <source>holds a value that is not a number or text</source>
        <translation>에 숫자나 텍스트가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>은(는) 날짜가 아닙니다</translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: %1 &quot;%2&quot; %3.</source>
        <translation>올바른 소소익 대화 파일이 아닙니다: %1 &quot;%2&quot; 항목%3.</translation>
    </message>
    <message>
        <source>The file is %1 MB; Sosoik imports conversations up to %2 MB.</source>
        <translation>파일이 %1MB입니다. 소소익은 %2MB까지의 대화를 가져옵니다.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation>올바른 JSON 파일이 아닙니다: %1</translation>
    </message>
    <message>
        <source>The file is not a Sosoik conversation export.</source>
        <translation>Sosoik에서 내보낸 대화 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The file was exported by a newer version of Sosoik.</source>
        <translation>더 새로운 버전의 Sosoik에서 내보낸 파일입니다.</translation>
    </message>
    <message>
        <source>the conversation&apos;s</source>
        <translation>대화의</translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: it has no list of messages.</source>
        <translation>올바른 소소익 대화 파일이 아닙니다: 메시지 목록이 없습니다.</translation>
    </message>
    <message>
        <source>The conversation has %1 messages; Sosoik imports up to %2.</source>
        <translation>대화에 메시지가 %1개 있습니다. 소소익은 %2개까지 가져옵니다.</translation>
    </message>
    <message>
        <source>message %1&apos;s</source>
        <translation>%1번째 메시지의</translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: message %1 is not an object.</source>
        <translation>올바른 소소익 대화 파일이 아닙니다: %1번째 메시지가 객체가 아닙니다.</translation>
    </message>
    <message>
        <source>The file is not a valid Sosoik conversation: message %1 has the role &quot;%2&quot; (user, assistant or system).</source>
        <translation>올바른 소소익 대화 파일이 아닙니다: %1번째 메시지의 역할이 &quot;%2&quot;입니다(user, assistant, system만 됩니다).</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>지난 7일</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>이전</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <source>Conversation settings</source>
        <translation>대화 설정</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>기본값 사용</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>These apply to this conversation only. New conversations start from Settings (⚙) → Defaults for conversations.</source>
        <translation>이 대화에만 적용됩니다. 새 대화는 설정(⚙) → 대화 기본값에서 시작합니다.</translation>
    </message>
</context>
<context>
    <name>CpuSettings</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message numerus="yes">
        <source>Automatic (%n physical core(s))</source>
        <translation>
            <numerusform>자동 (물리 코어 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic (physical cores)</source>
        <translation>자동 (물리 코어 수)</translation>
    </message>
    <message>
        <source>Faster prompts on the CPU (8-bit, slightly less exact)</source>
        <translation>CPU에서 더 빠른 프롬프트 처리 (8비트, 정확도 약간 낮음)</translation>
    </message>
    <message>
        <source>Reads long prompts and documents about 1.5× faster. Small models may then answer a little differently, sometimes worse. Both settings apply when a model is loaded.</source>
        <translation>긴 프롬프트와 문서를 약 1.5배 빠르게 읽습니다. 작은 모델은 답이 조금 달라지고 때로는 나빠질 수 있습니다. 두 설정 모두 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <source>The loaded model still runs with the earlier choice.</source>
        <translation>불러온 모델은 아직 이전 설정으로 실행 중입니다.</translation>
    </message>
    <message>
        <source>Reload the model</source>
        <translation>모델 다시 불러오기</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>데이터 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Other users of this computer could read your data folder %1 (%2). Sosoik has made it private.</source>
        <translation>이 컴퓨터의 다른 사용자가 데이터 폴더 %1(%2)을(를) 읽을 수 있었습니다. 소소익이 본인만 쓸 수 있게 바꾸었습니다.</translation>
    </message>
    <message>
        <source>Other users of this computer could read your data folder %1. Sosoik has made it private.</source>
        <translation>이 컴퓨터의 다른 사용자가 데이터 폴더 %1을(를) 읽을 수 있었습니다. 소소익이 본인만 쓸 수 있게 바꾸었습니다.</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to summarize</source>
        <translation>놓으면 요약합니다</translation>
    </message>
    <message>
        <source>PDF, Word (.docx), Hangul (.hwpx), HTML or text — the file never leaves this computer</source>
        <translation>PDF, Word(.docx), 한글(.hwpx), HTML, 텍스트 — 파일은 이 컴퓨터 밖으로 나가지 않습니다</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>How can I help?</source>
        <translation>무엇을 도와드릴까요?</translation>
    </message>
    <message>
        <source>Open a model to start chatting</source>
        <translation>대화를 시작하려면 모델을 여세요</translation>
    </message>
    <message>
        <source>Everything runs on this computer. Enter sends, Shift+Enter starts a new line.</source>
        <translation>모든 처리는 이 컴퓨터에서 이루어집니다. Enter로 보내고, Shift+Enter로 줄을 바꿉니다.</translation>
    </message>
    <message>
        <source>Choose a GGUF model file with the model button above (Ctrl+O).</source>
        <translation>위의 모델 버튼으로 GGUF 모델 파일을 고르세요 (Ctrl+O).</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>File name</source>
        <translation>파일 이름</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>파일 형식</translation>
    </message>
</context>
<context>
    <name>GenerationFields</name>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>0: a new answer every time (Regenerate). Another number repeats the same answer.</source>
        <translation>0: 매번 새 답변(다시 생성). 다른 숫자는 같은 답변을 그대로 되풀이합니다.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>최대 생성 토큰 수</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>컨텍스트 길이</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Importing a conversation…</source>
        <translation>대화를 가져오는 중…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import a conversation exported as JSON</source>
        <translation>JSON으로 내보낸 대화 가져오기</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>모든 대화 검색</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>대화 검색</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>아직 대화가 없습니다</translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation>“%1”과(와) 일치하는 메시지가 없습니다</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>“%1” 삭제됨</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>대화 이름 바꾸기</translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>대화 이름</translation>
    </message>
    <message>
        <source>Export conversation as JSON</source>
        <translation>대화를 JSON으로 내보내기</translation>
    </message>
    <message>
        <source>Export conversation as Markdown</source>
        <translation>대화를 Markdown으로 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 파일 (*.md)</translation>
    </message>
    <message>
        <source>Import a conversation</source>
        <translation>대화 가져오기</translation>
    </message>
    <message>
        <source>Sosoik conversation (*.json)</source>
        <translation>Sosoik 대화 (*.json)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>HotkeySettingsPane</name>
    <message>
        <source>Global shortcut</source>
        <translation>전역 단축키</translation>
    </message>
    <message>
        <source>Open the quick query from any application</source>
        <translation>어느 프로그램에서든 빠른 질문 열기</translation>
    </message>
    <message>
        <source>Press the new shortcut…</source>
        <translation>새 단축키를 누르세요…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <source>Message Sosoik… (Enter sends, Shift+Enter for a new line)</source>
        <translation>Sosoik에게 메시지 보내기… (Enter 보내기, Shift+Enter 줄 바꿈)</translation>
    </message>
    <message>
        <source>Open a model first, then type here</source>
        <translation>먼저 모델을 연 다음 여기에 입력하세요</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>답변 중지 (Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>보내기 (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>토큰 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence of %1</source>
        <translation>%1 라이선스</translation>
    </message>
    <message>
        <source>%1 is published under the %2.</source>
        <translation>%1은(는) %2에 따라 공개되었습니다.</translation>
    </message>
    <message>
        <source>It allows non-commercial use only: research, study and personal use, not work for a business.</source>
        <translation>비상업적 용도로만 쓸 수 있습니다: 연구, 학습, 개인 용도는 되지만 업무용으로는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Read it before downloading: %1</source>
        <translation>내려받기 전에 읽어 보세요: %1</translation>
    </message>
    <message>
        <source>Accept and download</source>
        <translation>동의하고 내려받기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>LinkConfirmDialog</name>
    <message>
        <source>Open this link?</source>
        <translation>이 링크를 열까요?</translation>
    </message>
    <message>
        <source>Your web browser or mail program will open this address. Sosoik itself stays offline.</source>
        <translation>웹 브라우저나 메일 프로그램이 이 주소를 엽니다. 소소익 자체는 계속 오프라인입니다.</translation>
    </message>
    <message>
        <source>Sosoik opens only web (http, https) and e-mail (mailto) links. You can copy this one.</source>
        <translation>소소익은 웹(http, https)과 이메일(mailto) 링크만 엽니다. 이 링크는 복사할 수 있습니다.</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>링크 열기</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>링크 복사</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>LocalModelsPane</name>
    <message>
        <source>Add a folder with GGUF models</source>
        <translation>GGUF 모델이 있는 폴더 추가</translation>
    </message>
    <message>
        <source>No GGUF models found yet. Download one from &quot;Get models&quot;, or add a folder that has some.</source>
        <translation>아직 찾은 GGUF 모델이 없습니다. &quot;모델 받기&quot;에서 내려받거나 모델이 있는 폴더를 추가하세요.</translation>
    </message>
    <message>
        <source>%1 · %2 parameters · %3 · %4 · context %5</source>
        <translation>%1 · 매개변수 %2 · %3 · %4 · 컨텍스트 %5</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>실행할 수 없음: %1</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>불러옴</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Where Sosoik looks</source>
        <translation>Sosoik이 찾아보는 곳</translation>
    </message>
    <message>
        <source>Sosoik&apos;s models folder (%1), the folders below, and the models of Ollama, LM Studio, GPT4All, Jan and the Hugging Face cache, used where they are.</source>
        <translation>Sosoik 모델 폴더(%1), 아래 폴더들, 그리고 Ollama, LM Studio, GPT4All, Jan, Hugging Face 캐시의 모델을 복사하지 않고 그 자리에서 씁니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>다시 찾기</translation>
    </message>
    <message>
        <source>languages: %1</source>
        <translation>언어: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Sosoik</source>
        <translation>%1 — Sosoik</translation>
    </message>
    <message>
        <source>Sosoik</source>
        <translation>Sosoik</translation>
    </message>
    <message>
        <source>Show or hide conversations (Ctrl+B)</source>
        <translation>대화 목록 보이기/숨기기 (Ctrl+B)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>대화 설정</translation>
    </message>
    <message>
        <source>System prompt and sampling for this conversation</source>
        <translation>이 대화의 시스템 프롬프트와 샘플링 설정</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>설정 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Open document…</source>
        <translation>문서 열기…</translation>
    </message>
    <message>
        <source>Summarize a PDF, Word, Hangul, HTML or text file (Ctrl+Shift+O); or drop files here</source>
        <translation>PDF, Word, 한글, HTML, 텍스트 파일 요약 (Ctrl+Shift+O). 파일을 여기에 끌어다 놓아도 됩니다</translation>
    </message>
    <message>
        <source>Open a document to summarize</source>
        <translation>요약할 문서 열기</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Models on this computer and downloads (Ctrl+Shift+M)</source>
        <translation>이 컴퓨터의 모델과 내려받기(Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Stop loading this model</source>
        <translation>이 모델 불러오기 중지</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>문서 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>MessageBlock</name>
    <message>
        <source>code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Save and send</source>
        <translation>저장하고 보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Reading the conversation… %1 / %2 tokens</source>
        <translation>대화를 읽는 중… %1 / %2 토큰</translation>
    </message>
</context>
<context>
    <name>ModelButton</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>Open a model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a model (Ctrl+O)</source>
        <translation>모델 선택 (Ctrl+O)</translation>
    </message>
    <message>
        <source>%1 · remote — leaves this PC</source>
        <translation>%1 · 원격 — 이 PC 밖으로 나감</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Choose a model</source>
        <translation>모델 선택</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>GGUF 모델 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>파일 열기…</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation>이 파일은 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>양자화</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>학습된 컨텍스트</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>토큰 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Load this model</source>
        <translation>이 모델 불러오기</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>최근 모델</translation>
    </message>
    <message>
        <source>%1 · %2 · context %3 · %4</source>
        <translation>%1 · %2 · 컨텍스트 %3 · %4</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>없음: %1</translation>
    </message>
    <message>
        <source>Built-in models</source>
        <translation>내장 모델</translation>
    </message>
    <message>
        <source>Bigger models (GGUF files from Hugging Face, e.g. Qwen2.5 1.5B Instruct Q4_0) answer much better: open one with &quot;Open file…&quot;.</source>
        <translation>더 큰 모델(Hugging Face의 GGUF 파일, 예: Qwen2.5 1.5B Instruct Q4_0)이 훨씬 잘 답합니다. &quot;파일 열기…&quot;로 여세요.</translation>
    </message>
    <message>
        <source>All models…</source>
        <translation>모든 모델…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ModelsFolder</name>
    <message>
        <source>it is not a full path</source>
        <translation>전체 경로가 아닙니다</translation>
    </message>
    <message>
        <source>it is a file</source>
        <translation>폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>Sosoik cannot create it</source>
        <translation>소소익이 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Sosoik cannot write there</source>
        <translation>소소익이 그곳에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ModelsFolderPane</name>
    <message>
        <source>Choose the models folder</source>
        <translation>모델 폴더 선택</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>모델 폴더</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>바꾸기…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Downloads go here, and Sosoik looks here first. Changing it moves no file: the models in the old folder stay there and are still listed.</source>
        <translation>내려받은 모델이 이곳에 저장되고, 소소익은 이곳을 가장 먼저 찾습니다. 바꿔도 파일은 옮기지 않습니다: 이전 폴더의 모델은 그대로 남고 계속 목록에 나옵니다.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>On this computer (%1)</source>
        <translation>이 컴퓨터(%1)</translation>
    </message>
    <message>
        <source>Get models</source>
        <translation>모델 받기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the data folder %1. Check that the disk is writable and not full.</source>
        <translation>데이터 폴더 %1을(를) 만들 수 없습니다. 디스크에 쓸 수 있는지, 공간이 남아 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Cannot restrict the permissions of the data folder %1.</source>
        <translation>데이터 폴더 %1의 권한을 제한할 수 없습니다.</translation>
    </message>
    <message>
        <source>The database %1 is damaged and could not be moved aside.</source>
        <translation>데이터베이스 %1이(가) 손상되었고 다른 곳으로 옮길 수 없었습니다.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file: %1</source>
        <translation>임시 파일을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot write a temporary file (is the disk full?): %1</source>
        <translation>임시 파일을 쓸 수 없습니다 (디스크가 가득 찼나요?): %1</translation>
    </message>
    <message>
        <source>Reading the document was cancelled.</source>
        <translation>문서 읽기를 취소했습니다.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>%1 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation>%1은(는) 문서가 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>%1 is %2 MB; Sosoik summarizes files up to %3 MB.</source>
        <translation>%1의 크기는 %2MB입니다. Sosoik은 %3MB까지의 파일만 요약합니다.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1은(는) 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is a zip archive Sosoik cannot read; supported documents are PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), OpenDocument (.odt), Hangul (.hwpx), HTML and text files.</source>
        <translation>%1은(는) Sosoik이 읽을 수 없는 zip 압축 파일입니다. 지원하는 문서는 PDF, Word(.docx), PowerPoint(.pptx), Excel(.xlsx), OpenDocument(.odt), 한글(.hwpx), HTML, 텍스트 파일입니다.</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>슬라이드 %1</translation>
    </message>
    <message>
        <source>Notes on slide %1</source>
        <translation>슬라이드 %1 발표자 메모</translation>
    </message>
    <message>
        <source>%1 is not a PowerPoint presentation (ppt/presentation.xml is missing).</source>
        <translation>%1은(는) PowerPoint 프레젠테이션이 아닙니다 (ppt/presentation.xml이 없습니다).</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (xl/workbook.xml is missing).</source>
        <translation>%1은(는) Excel 통합 문서가 아닙니다 (xl/workbook.xml이 없습니다).</translation>
    </message>
    <message>
        <source>%1 is not an OpenDocument text (content.xml is missing).</source>
        <translation>%1은(는) OpenDocument 텍스트 문서가 아닙니다 (content.xml이 없습니다).</translation>
    </message>
    <message>
        <source>(%1 more rows of %2 were not read: Sosoik reads the first %3 rows of a sheet.)</source>
        <translation>(%2 시트의 나머지 %1개 행은 읽지 않았습니다. Sosoik은 시트마다 처음 %3개 행까지 읽습니다.)</translation>
    </message>
    <message>
        <source>%1 is password-protected; remove the password and try again.</source>
        <translation>%1은(는) 암호로 보호되어 있습니다. 암호를 해제한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 uses an old binary format (.%2); save it as .docx, .hwpx or PDF and try again.</source>
        <translation>%1은(는) 오래된 바이너리 형식(.%2)입니다. .docx, .hwpx 또는 PDF로 저장한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Sosoik cannot summarize .%1 files.</source>
        <translation>Sosoik은 .%1 파일을 요약할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is not a text document (it contains binary data).</source>
        <translation>%1은(는) 텍스트 문서가 아닙니다 (바이너리 데이터가 들어 있습니다).</translation>
    </message>
    <message>
        <source>%1 contains no text.</source>
        <translation>%1에는 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged or not a PDF poppler can read.</source>
        <translation>%1은(는) 손상되었거나 poppler가 읽을 수 있는 PDF가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 has no text layer (it looks like scanned images); run OCR on it first.</source>
        <translation>%1에는 텍스트 층이 없습니다 (스캔한 이미지로 보입니다). 먼저 OCR을 실행하세요.</translation>
    </message>
    <message>
        <source>%1 is damaged: it is not a readable zip archive.</source>
        <translation>%1이(가) 손상되었습니다: 읽을 수 있는 zip 압축 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be read.</source>
        <translation>%1이(가) 손상되었습니다: %2을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 cannot be decompressed.</source>
        <translation>%1이(가) 손상되었습니다: %2의 압축을 풀 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 (%3).</source>
        <translation>%1이(가) 손상되었습니다: %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is not a Word document (word/document.xml is missing).</source>
        <translation>%1은(는) Word 문서가 아닙니다 (word/document.xml이 없습니다).</translation>
    </message>
    <message>
        <source>%1 is not a Hangul document (Contents/section0.xml is missing).</source>
        <translation>%1은(는) 한글 문서가 아닙니다 (Contents/section0.xml이 없습니다).</translation>
    </message>
    <message>
        <source>Summarizing chunk %1 of %2</source>
        <translation>%2개 중 %1번째 부분 요약 중</translation>
    </message>
    <message>
        <source>Combining summaries (step %1 of %2)</source>
        <translation>요약 합치는 중 (%2단계 중 %1단계)</translation>
    </message>
    <message>
        <source>Writing the summary</source>
        <translation>요약 작성 중</translation>
    </message>
    <message>
        <source>The model&apos;s context (%1 tokens) is too small to summarize documents; choose a model with a longer context or ask for a shorter summary.</source>
        <translation>모델의 컨텍스트(%1토큰)가 문서를 요약하기에는 너무 작습니다. 컨텍스트가 더 긴 모델을 고르거나 더 짧은 요약을 요청하세요.</translation>
    </message>
    <message>
        <source>The document contains no text.</source>
        <translation>문서에 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1은(는) 일반 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 holds more than %2 million characters of text, the most Sosoik reads from one document (Settings, Summaries).</source>
        <translation>%1에는 텍스트가 %2백만 자보다 많습니다. 소소익이 문서 하나에서 읽는 최대 분량입니다(설정, 요약).</translation>
    </message>
    <message>
        <source>%1 is not a normal document: its part %2 expands to more than %3 MB (the limit for one part).</source>
        <translation>%1은(는) 정상적인 문서가 아닙니다. 안의 %2 부분이 압축을 풀면 %3MB(한 부분의 한도)를 넘습니다.</translation>
    </message>
    <message>
        <source>%1 is not a normal document: it expands to more than %2 MB (the limit for one archive).</source>
        <translation>%1은(는) 정상적인 문서가 아닙니다. 압축을 풀면 %2MB(압축 파일 하나의 한도)를 넘습니다.</translation>
    </message>
    <message>
        <source>%1 is not a normal document: its XML is nested more than %2 levels deep (the limit).</source>
        <translation>%1은(는) 정상적인 문서가 아닙니다. XML이 %2단계(한도)보다 깊게 중첩되어 있습니다.</translation>
    </message>
</context>
<context>
    <name>QuickQueryPopup</name>
    <message>
        <source>Sosoik quick query</source>
        <translation>Sosoik 빠른 질문</translation>
    </message>
    <message>
        <source>Ask Sosoik… (Enter asks, Ctrl+Enter continues in chat, Esc hides)</source>
        <translation>Sosoik에게 질문… (Enter 질문, Ctrl+Enter 대화창에서 계속, Esc 숨기기)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Drop a file here to summarize it.</source>
        <translation>요약할 파일을 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Continue in chat</source>
        <translation>대화창에서 계속</translation>
    </message>
    <message>
        <source>Answered by the server %1 — what you type leaves this PC.</source>
        <translation>%1 서버가 답합니다 — 입력한 내용이 이 PC 밖으로 나갑니다.</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message>
        <source>The server at %1 refused the API key (HTTP %2). Check the key in Settings → Remote engine.</source>
        <translation>%1 서버가 API 키를 거부했습니다(HTTP %2). 설정 → 원격 엔진에서 키를 확인하세요.</translation>
    </message>
    <message>
        <source>The server at %1 is busy or not ready (HTTP 503): %2</source>
        <translation>%1 서버가 바쁘거나 준비되지 않았습니다(HTTP 503): %2</translation>
    </message>
    <message>
        <source>The server at %1 answered HTTP %2: %3</source>
        <translation>%1 서버의 응답: HTTP %2: %3</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (connection refused). Is the server running, and is the address right?</source>
        <translation>%1에서 응답이 없습니다(연결 거부). 서버가 실행 중이고 주소가 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The computer %1 was not found. Check the server address.</source>
        <translation>%1 컴퓨터를 찾을 수 없습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server at %1 stopped answering (nothing arrived for too long).</source>
        <translation>%1 서버가 응답을 멈췄습니다(너무 오랫동안 아무것도 오지 않았습니다).</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before its answer was complete.</source>
        <translation>%1 서버가 답을 끝내기 전에 연결을 끊었습니다.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made: %2</source>
        <translation>%1에 보안 연결을 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not reach the server at %1: %2</source>
        <translation>%1 서버에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (for example http://gpu-box:8000/v1).</source>
        <translation>&apos;%1&apos;은(는) 서버 주소가 아닙니다(예: http://gpu-box:8000/v1).</translation>
    </message>
    <message>
        <source>The server at %1 does not answer like an OpenAI-compatible server (its model list is not the expected JSON). Check the address: it usually ends in /v1.</source>
        <translation>%1 서버의 응답이 OpenAI 호환 서버와 다릅니다(모델 목록이 예상한 JSON이 아닙니다). 주소를 확인하세요. 보통 /v1로 끝납니다.</translation>
    </message>
    <message>
        <source>The server at %1 lists no models.</source>
        <translation>%1 서버에 모델이 없습니다.</translation>
    </message>
    <message>
        <source>The server at %1 has no model &apos;%2&apos;; it has: %3.</source>
        <translation>%1 서버에는 &apos;%2&apos; 모델이 없습니다. 있는 모델: %3.</translation>
    </message>
    <message>
        <source>A remote server answers chat messages only.</source>
        <translation>원격 서버는 채팅 메시지에만 답합니다.</translation>
    </message>
    <message>
        <source>No server is connected.</source>
        <translation>연결된 서버가 없습니다.</translation>
    </message>
    <message>
        <source>The server at %1 stopped with an error: %2</source>
        <translation>%1 서버가 오류로 멈췄습니다: %2</translation>
    </message>
    <message>
        <source>The server at %1 sent something that is not a chat completion: %2</source>
        <translation>%1 서버가 채팅 답변이 아닌 것을 보냈습니다: %2</translation>
    </message>
    <message>
        <source>The server at %1 sent a piece of its answer that is not JSON: %2</source>
        <translation>%1 서버가 보낸 답의 일부가 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>The server at %1 answered something that is not JSON: %2</source>
        <translation>%1 서버가 JSON이 아닌 답을 보냈습니다: %2</translation>
    </message>
</context>
<context>
    <name>RemoteEnginePane</name>
    <message>
        <source>Use a model on another computer, such as your team&apos;s inference server. What you type is then sent to that server: it leaves this PC.</source>
        <translation>팀의 추론 서버 같은 다른 컴퓨터의 모델을 사용합니다. 이때 입력한 내용은 그 서버로 보내지며 이 PC 밖으로 나갑니다.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>(saved; type to replace)</source>
        <translation>(저장됨, 바꾸려면 입력하세요)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>묻는 중…</translation>
    </message>
    <message>
        <source>List models</source>
        <translation>모델 목록 보기</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>이 서버 사용</translation>
    </message>
    <message>
        <source>Forget the key</source>
        <translation>키 지우기</translation>
    </message>
    <message>
        <source>In use: %1 on %2. Open a model file to answer on this PC again.</source>
        <translation>사용 중: %2의 %1. 이 PC에서 다시 답하게 하려면 모델 파일을 여세요.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>the file dialog could not be created</source>
        <translation>파일 대화상자를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sosoik cannot show a file dialog on this desktop: a Qt module it needs is missing. Install the package qml6-module-qt-labs-folderlistmodel (Debian, Ubuntu) and restart Sosoik.</source>
        <translation>이 데스크톱에서는 Sosoik이 파일 대화상자를 열 수 없습니다. 필요한 Qt 모듈이 없습니다. qml6-module-qt-labs-folderlistmodel 패키지(Debian, Ubuntu)를 설치한 뒤 Sosoik을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>자세히: %1</translation>
    </message>
    <message>
        <source>Meanwhile, type the file&apos;s full path:</source>
        <translation>그동안은 파일의 전체 경로를 입력하세요:</translation>
    </message>
    <message>
        <source>Meanwhile, type the folder&apos;s full path:</source>
        <translation>그동안 폴더의 전체 경로를 입력하세요:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
</context>
<context>
    <name>SearchResultDelegate</name>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
</context>
<context>
    <name>ServerSettingsPane</name>
    <message>
        <source>Lets programs on this PC (editors, scripts, Open WebUI) use the loaded model through an OpenAI-compatible API. Only this PC can connect.</source>
        <translation>이 PC의 프로그램(편집기, 스크립트, Open WebUI)이 OpenAI 호환 API로 불러온 모델을 쓸 수 있게 합니다. 이 PC에서만 연결할 수 있습니다.</translation>
    </message>
    <message>
        <source>Serve the model on port</source>
        <translation>모델을 제공할 포트</translation>
    </message>
    <message>
        <source>Listening at %1/v1 — requests being answered: %2</source>
        <translation>%1/v1에서 대기 중 — 처리 중인 요청: %2</translation>
    </message>
    <message>
        <source>Listening at %1/v1</source>
        <translation>%1/v1에서 대기 중</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Reopen the last model at start</source>
        <translation>시작할 때 마지막 모델 다시 열기</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <source>Defaults for conversations</source>
        <translation>대화 기본값</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <source>Tray and global shortcut</source>
        <translation>트레이와 전역 단축키</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Remote engine (OpenAI-compatible server)</source>
        <translation>원격 엔진(OpenAI 호환 서버)</translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation>로컬 API 서버</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>색</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
</context>
<context>
    <name>StatsBar</name>
    <message>
        <source>Waiting for the model…</source>
        <translation>모델을 기다리는 중…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>답변하는 중…</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>모델 불러오는 중… %1%</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>초당 %1토큰</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>컨텍스트 %1 / %2</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Database error: %1</source>
        <translation>데이터베이스 오류: %1</translation>
    </message>
    <message>
        <source>The disk is full, so the conversation could not be saved. Free some space and try again. (%1)</source>
        <translation>디스크가 가득 차서 대화를 저장할 수 없습니다. 공간을 확보한 뒤 다시 시도하세요. (%1)</translation>
    </message>
    <message>
        <source>The conversation database is read-only, so changes cannot be saved. Check the file&apos;s permissions. (%1)</source>
        <translation>대화 데이터베이스가 읽기 전용이라 변경 내용을 저장할 수 없습니다. 파일 권한을 확인하세요. (%1)</translation>
    </message>
    <message>
        <source>The conversation database is damaged. Restart Sosoik to move it aside and start a new one. (%1)</source>
        <translation>대화 데이터베이스가 손상되었습니다. Sosoik을 다시 시작하면 손상된 파일을 옮겨 두고 새로 시작합니다. (%1)</translation>
    </message>
    <message>
        <source>The conversation database is in use by another program. (%1)</source>
        <translation>다른 프로그램이 대화 데이터베이스를 사용하고 있습니다. (%1)</translation>
    </message>
    <message>
        <source>The disk could not be read or written. (%1)</source>
        <translation>디스크를 읽거나 쓸 수 없습니다. (%1)</translation>
    </message>
</context>
<context>
    <name>SummaryProgressBar</name>
    <message numerus="yes">
        <source> (%n more waiting)</source>
        <translation>
            <numerusform> (%n개 더 대기 중)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>SummarySettings</name>
    <message>
        <source>Document summaries</source>
        <translation>문서 요약</translation>
    </message>
    <message>
        <source>Summary language</source>
        <translation>요약 언어</translation>
    </message>
    <message>
        <source>Same as the document</source>
        <translation>문서와 같은 언어</translation>
    </message>
    <message>
        <source>Summary length (words)</source>
        <translation>요약 길이 (단어 수)</translation>
    </message>
    <message>
        <source>Most text read from one document (million characters)</source>
        <translation>문서 하나에서 읽는 최대 텍스트(백만 자)</translation>
    </message>
</context>
<context>
    <name>ThinkingSection</name>
    <message>
        <source>Thinking…</source>
        <translation>생각하는 중…</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>생각 과정</translation>
    </message>
    <message>
        <source>Hide the thought process</source>
        <translation>생각 과정 숨기기</translation>
    </message>
    <message>
        <source>Show the thought process</source>
        <translation>생각 과정 보기</translation>
    </message>
</context>
<context>
    <name>TraySettingsPane</name>
    <message>
        <source>No system tray is available on this desktop, so Sosoik quits when its window closes.</source>
        <translation>이 데스크톱에는 시스템 트레이가 없어 창을 닫으면 Sosoik이 종료됩니다.</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>창을 닫아도 트레이에서 계속 실행</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>트레이로 최소화한 채 시작</translation>
    </message>
    <message>
        <source>Start Sosoik when I log in</source>
        <translation>로그인할 때 Sosoik 시작</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR).</source>
        <translation>대화와 설정을 DIR에 저장합니다 (SOSOIK_DATA_DIR로도 지정 가능).</translation>
    </message>
    <message>
        <source>Open the quick-query popup.</source>
        <translation>빠른 질문 창을 엽니다.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>시스템 트레이에서 시작합니다.</translation>
    </message>
    <message>
        <source>Model files (.gguf) to load, documents to summarize.</source>
        <translation>불러올 모델 파일(.gguf), 요약할 문서.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::AppContext</name>
    <message>
        <source>Other users of this computer could read your settings file %1. Sosoik has made it private.</source>
        <translation>이 컴퓨터의 다른 사용자가 설정 파일 %1을(를) 읽을 수 있었습니다. 소소익이 본인만 쓸 수 있게 바꾸었습니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::BackgroundSettings</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1을(를) 지울 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::CatalogListModel</name>
    <message>
        <source>Fits (needs %1)</source>
        <translation>맞음(%1 필요)</translation>
    </message>
    <message>
        <source>Fits with a %1-token context</source>
        <translation>컨텍스트를 %1 토큰으로 줄이면 맞음</translation>
    </message>
    <message>
        <source>Does not fit (needs %1)</source>
        <translation>맞지 않음(%1 필요)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>초당 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n초 남음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>%n분 남음</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: fits the free memory of %1 and runs on it</source>
        <translation>추천: %1의 여유 메모리에 맞고 그 장치에서 실행됩니다</translation>
    </message>
    <message numerus="yes">
        <source>Recommended: fits this PC&apos;s memory and runs at a usable speed on its %n CPU core(s)</source>
        <translation>
            <numerusform>추천: 이 PC의 메모리에 맞고 CPU 코어 %n개에서 쓸 만한 속도로 실행됩니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: fits this PC&apos;s memory</source>
        <translation>추천: 이 PC의 메모리에 맞습니다</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ChatController</name>
    <message>
        <source>This answer was interrupted.</source>
        <translation>이 답변은 중간에 끊겼습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the model&apos;s context.</source>
        <translation>
            <numerusform>대화가 모델의 컨텍스트에 들어가도록 오래된 메시지 %n개를 제외했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the conversation: %1</source>
        <translation>대화를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Still answering. Press Stop first, or wait for the answer to finish.</source>
        <translation>아직 답변하는 중입니다. 먼저 중지를 누르거나 답변이 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Could not save your message: %1</source>
        <translation>메시지를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not save the answer: %1</source>
        <translation>답변을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not remove the old answer: %1</source>
        <translation>이전 답변을 지울 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not change the conversation: %1</source>
        <translation>대화를 바꿀 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Stop the answer before deleting it.</source>
        <translation>답변을 삭제하려면 먼저 중지하세요.</translation>
    </message>
    <message>
        <source>Could not delete the message: %1</source>
        <translation>메시지를 삭제할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>그 대화는 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>Reached the answer length limit.</source>
        <translation>답변 길이 제한에 도달했습니다.</translation>
    </message>
    <message>
        <source>The context is full.</source>
        <translation>컨텍스트가 가득 찼습니다.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>실패했습니다.</translation>
    </message>
    <message>
        <source>This summary was made from the document: to summarize it again, open the document again (Open document…).</source>
        <translation>이 요약은 문서에서 만들어졌습니다. 다시 요약하려면 문서를 다시 여세요(문서 열기…).</translation>
    </message>
</context>
<context>
    <name>sosoik::app::EngineWorker</name>
    <message>
        <source>Your message is too long for the context: it needs %1 tokens but the context holds %2. Shorten it or raise the context length in the conversation settings.</source>
        <translation>메시지가 컨텍스트에 비해 너무 깁니다: %1토큰이 필요하지만 컨텍스트는 %2토큰입니다. 메시지를 줄이거나 대화 설정에서 컨텍스트 길이를 늘리세요.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model file first.</source>
        <translation>불러온 모델이 없습니다. 먼저 모델 파일을 여세요.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete (a download that stopped early looks like this). Download it again or choose another file. Details: %1</source>
        <translation>파일이 손상되었거나 완전하지 않습니다(다운로드가 중간에 멈추면 이렇게 됩니다). 다시 다운로드하거나 다른 파일을 고르세요. 자세한 내용: %1</translation>
    </message>
</context>
<context>
    <name>sosoik::app::GlobalHotkey</name>
    <message>
        <source>global shortcuts are not implemented on macOS yet; use the tray icon or run `sosoik --quick-query` from a shortcut set in System Settings.</source>
        <translation>macOS에서는 아직 전역 단축키를 지원하지 않습니다. 트레이 아이콘을 쓰거나 시스템 설정에서 만든 단축키로 `sosoik --quick-query`를 실행하세요.</translation>
    </message>
    <message>
        <source>this build of Sosoik was made without XCB support, so it cannot grab keys on X11.</source>
        <translation>이 Sosoik 빌드는 XCB 지원 없이 만들어져 X11에서 키를 가로챌 수 없습니다.</translation>
    </message>
    <message>
        <source>the &quot;%1&quot; display platform has no global shortcuts.</source>
        <translation>&quot;%1&quot; 디스플레이 플랫폼에는 전역 단축키가 없습니다.</translation>
    </message>
    <message>
        <source>Sosoik runs through XWayland in a Wayland session, where a key grab only works while another X11 window has the focus, and this desktop&apos;s portal offers no global shortcuts.</source>
        <translation>소소익이 Wayland 세션에서 XWayland로 실행 중입니다. 이 경우 키 가로채기는 다른 X11 창에 초점이 있을 때만 동작하고, 이 데스크톱의 포털은 전역 단축키를 제공하지 않습니다.</translation>
    </message>
    <message>
        <source>Wayland lets no application grab keys, and this desktop&apos;s portal offers no global shortcuts.</source>
        <translation>Wayland에서는 어떤 프로그램도 키를 가로챌 수 없고, 이 데스크톱의 포털은 전역 단축키를 제공하지 않습니다.</translation>
    </message>
    <message>
        <source>Bind a shortcut to the command `sosoik --quick-query` in your desktop&apos;s keyboard settings instead (GNOME: Settings → Keyboard → Custom Shortcuts; KDE Plasma: System Settings → Shortcuts → Add New → Command).</source>
        <translation>대신 데스크톱의 키보드 설정에서 `sosoik --quick-query` 명령에 단축키를 지정하세요(GNOME: 설정 → 키보드 → 사용자 지정 바로 가기, KDE Plasma: 시스템 설정 → 단축키 → 새로 추가 → 명령).</translation>
    </message>
</context>
<context>
    <name>sosoik::app::HotkeySettings</name>
    <message>
        <source>&quot;%1&quot; is not a usable shortcut: use one key with Ctrl, Alt or Meta (for example %2).</source>
        <translation>&quot;%1&quot;은(는) 쓸 수 없는 단축키입니다: Ctrl, Alt 또는 Meta와 키 하나를 함께 쓰세요 (예: %2).</translation>
    </message>
    <message>
        <source>Global shortcut unavailable: %1</source>
        <translation>전역 단축키를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Global shortcut is off.</source>
        <translation>전역 단축키가 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>%1 opens the quick query from any application.</source>
        <translation>%1을(를) 누르면 어느 프로그램에서든 빠른 질문이 열립니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelDownload</name>
    <message>
        <source>%1 publishes no sha256 for %2, so Sosoik could not check the download; nothing was downloaded.</source>
        <translation>%1에서 %2의 sha256을 공개하지 않아 내려받은 파일을 확인할 수 없습니다. 아무것도 내려받지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 refused the download of %2 (HTTP %3).</source>
        <translation>%1이(가) %2 내려받기를 거부했습니다(HTTP %3).</translation>
    </message>
    <message>
        <source>%1 stopped sending data for %2 seconds.</source>
        <translation>%1이(가) %2초 동안 데이터를 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 was not found on %2 (HTTP %3).</source>
        <translation>%2에서 %1을(를) 찾을 수 없습니다(HTTP %3).</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not move the download to %1.</source>
        <translation>내려받은 파일을 %1(으)로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not read the downloaded file %1.</source>
        <translation>내려받은 파일 %1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1에 쓸 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Not enough free disk space for %1: it needs %2 more, %3 is free in %4.</source>
        <translation>%1을(를) 저장할 디스크 공간이 부족합니다: %2가 더 필요한데 %4에는 %3만 남아 있습니다.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>%1과(와)의 연결이 끊어졌습니다(%2).</translation>
    </message>
    <message>
        <source>Sosoik could not write the download to %1 (%2): the disk is probably full. The %3 downloaded so far are kept in %4; free some space, then Resume continues from there.</source>
        <translation>내려받은 내용을 %1에 쓸 수 없습니다(%2): 디스크가 가득 찬 것 같습니다. 지금까지 내려받은 %3은(는) %4에 남겨 두었습니다. 공간을 확보한 뒤 이어받기를 누르면 거기서부터 계속합니다.</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its sha256 is not the one %1 publishes. It was deleted; download it again.</source>
        <translation>내려받은 파일이 손상되었습니다: sha256이 %1에서 공개한 값과 다릅니다. 파일을 삭제했으니 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>The file on %1 is not the one Sosoik expects (its sha256 differs); nothing was downloaded.</source>
        <translation>%1에 있는 파일이 Sosoik이 기대한 파일과 다릅니다(sha256 불일치). 아무것도 내려받지 않았습니다.</translation>
    </message>
    <message>
        <source>The partial download (%1) is kept: Resume continues from there.</source>
        <translation>내려받던 부분(%1)은 남겨 두었습니다. 이어받기를 누르면 그 지점부터 계속합니다.</translation>
    </message>
    <message>
        <source>Could not reach %1 (%2). Check the network connection and the model host.</source>
        <translation>%1에 연결할 수 없습니다(%2). 네트워크 연결과 모델 호스트를 확인하세요.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelLibrary</name>
    <message>
        <source>%1 of memory free</source>
        <translation>사용 가능한 메모리 %1</translation>
    </message>
    <message>
        <source>%1 free on %2</source>
        <translation>%2에서 %1 사용 가능</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>The model host must be an http or https address, such as https://huggingface.co.</source>
        <translation>모델 호스트는 https://huggingface.co 같은 http 또는 https 주소여야 합니다.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>Fits (needs %1)</source>
        <translation>맞음(%1 필요)</translation>
    </message>
    <message>
        <source>Fits with a %1-token context</source>
        <translation>컨텍스트를 %1 토큰으로 줄이면 맞음</translation>
    </message>
    <message>
        <source>Does not fit (needs %1)</source>
        <translation>맞지 않음(%1 필요)</translation>
    </message>
    <message>
        <source>Accept the %1 before downloading %2.</source>
        <translation>%2을(를) 내려받기 전에 %1에 동의하세요.</translation>
    </message>
    <message>
        <source>No downloaded catalog model to check: updates are checked for the models Sosoik downloaded.</source>
        <translation>확인할 모델이 없습니다: 업데이트는 Sosoik이 내려받은 모델만 확인합니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) could not be checked; the catalog says why.</source>
        <translation>
            <numerusform>모델 %n개를 확인하지 못했습니다. 이유는 목록에 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause or cancel the running download first: it is writing into %1.</source>
        <translation>먼저 진행 중인 내려받기를 일시 정지하거나 취소하세요: %1에 쓰는 중입니다.</translation>
    </message>
    <message>
        <source>%1 cannot be the models folder: %2.</source>
        <translation>%1은(는) 모델 폴더로 쓸 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>New downloads go to %1, and Sosoik looks there first. No file was moved.</source>
        <translation>이제 새로 내려받는 모델은 %1에 저장되고, 소소익은 이 폴더를 가장 먼저 찾습니다. 옮긴 파일은 없습니다.</translation>
    </message>
    <message>
        <source>The models already in %1 stay there and are still listed: that folder is now one of the searched folders.</source>
        <translation>%1에 이미 있던 모델은 그대로 두었고 계속 목록에 나옵니다: 그 폴더를 찾아볼 폴더에 추가했습니다.</translation>
    </message>
    <message>
        <source>Unfinished downloads in %1 start over in the new folder; delete the .part files there to free the space.</source>
        <translation>%1에서 끝나지 않은 내려받기는 새 폴더에서 처음부터 다시 받습니다. 공간을 확보하려면 그곳의 .part 파일을 지우세요.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelManager</name>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1을(를) 불러올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>%1 파일이 없습니다.</translation>
    </message>
    <message>
        <source>A model is already loading. Wait for it to finish.</source>
        <translation>이미 모델을 불러오는 중입니다. 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Automatic (best GPU, else CPU)</source>
        <translation>자동 (가장 좋은 GPU, 없으면 CPU)</translation>
    </message>
    <message>
        <source>CPU — 1 thread, %1</source>
        <translation>CPU — 스레드 1개, %1</translation>
    </message>
    <message>
        <source>CPU — %1 threads, %2</source>
        <translation>CPU — 스레드 %1개, %2</translation>
    </message>
    <message>
        <source>CPU (reference backend, slow)</source>
        <translation>CPU (참조 백엔드, 느림)</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>외장 GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>내장 GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>가상 GPU</translation>
    </message>
    <message>
        <source>CPU (software Vulkan)</source>
        <translation>CPU (소프트웨어 Vulkan)</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>기타 장치</translation>
    </message>
    <message>
        <source>Could not use the server: %1</source>
        <translation>서버를 사용할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelScanner</name>
    <message>
        <source>the model is split into %1 files; this version of Sosoik loads single-file models (join them with llama.cpp&apos;s gguf-split --merge)</source>
        <translation>모델이 %1개 파일로 나뉘어 있습니다. 이 버전의 Sosoik은 단일 파일 모델만 불러옵니다(llama.cpp의 gguf-split --merge로 합치세요)</translation>
    </message>
    <message>
        <source>the file is damaged or not a GGUF model: %1</source>
        <translation>파일이 손상되었거나 GGUF 모델이 아닙니다: %1</translation>
    </message>
    <message>
        <source>the architecture &apos;%1&apos; is not supported by this version of Sosoik</source>
        <translation>이 버전의 Sosoik은 &apos;%1&apos; 아키텍처를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>its tensor type %1 is not supported by this version of Sosoik</source>
        <translation>이 버전의 Sosoik은 텐서 형식 %1을(를) 지원하지 않습니다</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ModelUpdateCheck</name>
    <message>
        <source>Could not reach %1 (%2).</source>
        <translation>%1에 연결하지 못했습니다(%2).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1이(가) HTTP %2(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>%1 publishes no sha256 for this file.</source>
        <translation>%1은(는) 이 파일의 sha256을 공개하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::PortalGlobalHotkey</name>
    <message>
        <source>the desktop portal refused %1 (%2).</source>
        <translation>데스크톱 포털이 %1을(를) 거부했습니다(%2).</translation>
    </message>
    <message>
        <source>%1 is not a usable shortcut.</source>
        <translation>%1은(는) 쓸 수 없는 단축키입니다.</translation>
    </message>
    <message>
        <source>Waiting for the desktop to bind %1…</source>
        <translation>데스크톱이 %1을(를) 등록하기를 기다리는 중…</translation>
    </message>
    <message>
        <source>Open Sosoik&apos;s quick query</source>
        <translation>소소익 빠른 질문 열기</translation>
    </message>
    <message>
        <source>the shortcut was not bound: the desktop&apos;s dialog was cancelled.</source>
        <translation>단축키를 등록하지 않았습니다: 데스크톱의 대화 상자가 취소되었습니다.</translation>
    </message>
    <message>
        <source>the desktop did not bind the shortcut.</source>
        <translation>데스크톱이 단축키를 등록하지 않았습니다.</translation>
    </message>
    <message>
        <source>the desktop portal created no session.</source>
        <translation>데스크톱 포털이 세션을 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be registered: %2</source>
        <translation>%1을(를) 등록할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>sosoik::app::QuickQueryController</name>
    <message>
        <source>%1: only plain-text files can be summarized here.</source>
        <translation>%1: 여기서는 일반 텍스트 파일만 요약할 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1은(는) UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is longer than one answer can cover: the main window is summarizing all of it in a new conversation.</source>
        <translation>%1은(는) 한 번의 답으로 다루기에는 너무 깁니다. 메인 창에서 새 대화로 전체를 요약하고 있습니다.</translation>
    </message>
    <message>
        <source>Summarize the following text in a few short bullet points, in the language it is written in.%1

%2</source>
        <translation>다음 글을 글이 쓰인 언어로, 짧은 글머리표 몇 개로 요약하세요.%1

%2</translation>
    </message>
    <message>
        <source> (Only its beginning is included.)</source>
        <translation> (앞부분만 포함했습니다.)</translation>
    </message>
    <message>
        <source>The clipboard holds no text to summarize.</source>
        <translation>클립보드에 요약할 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>Summarize: %1…</source>
        <translation>요약: %1…</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>요약: %1</translation>
    </message>
    <message>
        <source>%1 contains no text to summarize.</source>
        <translation>%1에는 요약할 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>%1 요약</translation>
    </message>
    <message>
        <source>Queued (%1 ahead): the model is busy with other answers…</source>
        <translation>대기 중 (앞에 %1개): 모델이 다른 답변을 만드는 중입니다…</translation>
    </message>
    <message>
        <source>Queued: the model is busy with another answer…</source>
        <translation>대기 중: 모델이 다른 답변을 만드는 중입니다…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>생각하는 중…</translation>
    </message>
    <message>
        <source>(This exchange cannot be saved: %1)</source>
        <translation>(이 대화는 저장할 수 없습니다: %1)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model file first.</source>
        <translation>불러온 모델이 없습니다. 먼저 모델 파일을 여세요.</translation>
    </message>
    <message numerus="yes">
        <source>This text is too long for the context of %n token(s).</source>
        <translation>
            <numerusform>이 글은 %n토큰 컨텍스트에 넣기에 너무 깁니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sosoik::app::RemoteEngineController</name>
    <message>
        <source>Could not save the API key: %1</source>
        <translation>API 키를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (for example http://gpu-box:8000/v1).</source>
        <translation>&apos;%1&apos;은(는) 서버 주소가 아닙니다(예: http://gpu-box:8000/v1).</translation>
    </message>
    <message>
        <source>The server at %1 refused the API key (HTTP %2).</source>
        <translation>%1 서버가 API 키를 거부했습니다(HTTP %2).</translation>
    </message>
    <message>
        <source>Could not list the models of %1: %2</source>
        <translation>%1의 모델 목록을 가져올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 does not answer like an OpenAI-compatible server. Check the address: it usually ends in /v1.</source>
        <translation>%1의 응답이 OpenAI 호환 서버와 다릅니다. 주소를 확인하세요. 보통 /v1로 끝납니다.</translation>
    </message>
    <message>
        <source>The server at %1 lists no models.</source>
        <translation>%1 서버에 모델이 없습니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::SingleInstance</name>
    <message>
        <source>Cannot create the instance lock %1</source>
        <translation>실행 잠금 파일 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>The running Sosoik did not answer (%1)</source>
        <translation>실행 중인 Sosoik이 응답하지 않았습니다 (%1)</translation>
    </message>
    <message>
        <source>Cannot listen for other launches on %1: %2</source>
        <translation>%1에서 다른 실행 요청을 받을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a private folder of this user (owner %2, mode %3)</source>
        <translation>%1은(는) 이 사용자만 쓰는 폴더가 아닙니다(소유자 %2, 권한 %3)</translation>
    </message>
    <message>
        <source>No private folder for the instance socket: %1</source>
        <translation>실행 중인 소소익과 연결할 소켓을 둘 개인 폴더가 없습니다: %1</translation>
    </message>
    <message>
        <source>A program of another user answered on %1; Sosoik hands nothing to it</source>
        <translation>다른 사용자의 프로그램이 %1에서 응답했습니다. 소소익은 아무것도 넘기지 않습니다</translation>
    </message>
</context>
<context>
    <name>sosoik::app::TrayController</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <source>Model: %1 on %2</source>
        <translation>모델: %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>No system tray is available, so Sosoik runs without a tray icon; closing the main window quits. The quick query still opens with the global shortcut.</source>
        <translation>시스템 트레이가 없어 Sosoik이 트레이 아이콘 없이 실행됩니다. 메인 창을 닫으면 종료됩니다. 빠른 질문은 전역 단축키로 계속 열 수 있습니다.</translation>
    </message>
    <message>
        <source>Quick query</source>
        <translation>빠른 질문</translation>
    </message>
    <message>
        <source>Open Sosoik</source>
        <translation>Sosoik 열기</translation>
    </message>
    <message>
        <source>Summarize clipboard</source>
        <translation>클립보드 요약</translation>
    </message>
    <message>
        <source>Unload model</source>
        <translation>모델 내리기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Sosoik — %1</source>
        <translation>Sosoik — %1</translation>
    </message>
</context>
<context>
    <name>sosoik::app::TrayIntegration</name>
    <message>
        <source>Sosoik is still running</source>
        <translation>Sosoik이 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>Click the tray icon or press %1 for a quick question.</source>
        <translation>빠른 질문은 트레이 아이콘을 누르거나 %1을(를) 누르세요.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::UnavailableGlobalHotkey</name>
    <message>
        <source>%1 cannot be registered: %2</source>
        <translation>%1을(를) 등록할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>sosoik::app::WindowsGlobalHotkey</name>
    <message>
        <source>&quot;%1&quot; is not a usable global shortcut: use one key with Ctrl, Alt or Win.</source>
        <translation>&quot;%1&quot;은(는) 쓸 수 없는 전역 단축키입니다: Ctrl, Alt 또는 Win과 키 하나를 함께 쓰세요.</translation>
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation>%1은(는) 다른 프로그램이 이미 쓰고 있습니다. 다른 단축키를 고르세요.</translation>
    </message>
    <message>
        <source>Windows refused the shortcut %1 (error %2).</source>
        <translation>Windows가 단축키 %1을(를) 거부했습니다 (오류 %2).</translation>
    </message>
</context>
<context>
    <name>sosoik::app::X11GlobalHotkey</name>
    <message>
        <source>no X11 connection is available.</source>
        <translation>X11 연결이 없습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable global shortcut: use one key with Ctrl, Alt or Meta.</source>
        <translation>&quot;%1&quot;은(는) 쓸 수 없는 전역 단축키입니다: Ctrl, Alt 또는 Meta와 키 하나를 함께 쓰세요.</translation>
    </message>
    <message>
        <source>The keyboard layout has no key for &quot;%1&quot;.</source>
        <translation>키보드 배치에 &quot;%1&quot; 키가 없습니다.</translation>
    </message>
    <message>
        <source>%1 is already used by another application; choose another shortcut.</source>
        <translation>%1은(는) 다른 프로그램이 이미 쓰고 있습니다. 다른 단축키를 고르세요.</translation>
    </message>
</context>
<context>
    <name>sosoik::app::server::ApiServer</name>
    <message>
        <source>Listening on %1 would let other computers use the model: set an API key first, or listen on 127.0.0.1.</source>
        <translation>%1에서 요청을 받으면 다른 컴퓨터도 모델을 쓸 수 있습니다. 먼저 API 키를 설정하거나 127.0.0.1에서 받으세요.</translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2: %3</source>
        <translation>%1의 %2번 포트에서 요청을 받을 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>sosoik::history::HistoryController</name>
    <message>
        <source>No file was chosen for the export.</source>
        <translation>내보낼 파일을 고르지 않았습니다.</translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation>대화를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Cannot read %1: it is not a regular file.</source>
        <translation>%1을(를) 읽을 수 없습니다. 일반 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is %2 MB; Sosoik imports conversations up to %3 MB.</source>
        <translation>%1은(는) %2MB입니다. 소소익은 %3MB까지의 대화를 가져옵니다.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>sosoik::storage::Storage</name>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation>데이터베이스 파일 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: %2</source>
        <translation>대화 데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The conversation database was damaged and could not be read. It was kept as %1 and a new, empty database was started.</source>
        <translation>대화 데이터베이스가 손상되어 읽을 수 없었습니다. 기존 파일은 %1(으)로 보관하고 빈 데이터베이스로 새로 시작했습니다.</translation>
    </message>
    <message>
        <source>The conversation database is damaged: %1</source>
        <translation>대화 데이터베이스가 손상되었습니다: %1</translation>
    </message>
    <message>
        <source>The conversation database was written by a newer version of Sosoik (schema %1; this version understands up to %2). It was left untouched; please update Sosoik.</source>
        <translation>대화 데이터베이스가 더 새로운 버전의 Sosoik으로 작성되었습니다 (스키마 %1, 이 버전은 %2까지 지원). 파일은 그대로 두었으니 Sosoik을 업데이트하세요.</translation>
    </message>
    <message>
        <source>Cannot upgrade the conversation database: %1</source>
        <translation>대화 데이터베이스를 업그레이드할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The conversation database is not open.</source>
        <translation>대화 데이터베이스가 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Conversation %1 does not exist.</source>
        <translation>대화 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>A message needs a role.</source>
        <translation>메시지에는 역할이 필요합니다.</translation>
    </message>
    <message>
        <source>Message %1 does not exist.</source>
        <translation>메시지 %1이(가) 없습니다.</translation>
    </message>
</context>
<context>
    <name>sosoik::summarize::SummaryController</name>
    <message>
        <source>Only files on this computer can be summarized.</source>
        <translation>이 컴퓨터에 있는 파일만 요약할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Open a model first; the document will be summarized once it is loaded.</source>
        <translation>먼저 모델을 여세요. 모델을 불러오면 문서를 요약합니다.</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>%1 요약</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation>%1 지남</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 약 %1 남음</translation>
    </message>
    <message>
        <source>Could not summarize %1: %2</source>
        <translation>%1을(를) 요약할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The summary was cancelled before any part was done.</source>
        <translation>요약이 한 부분도 끝나기 전에 취소되었습니다.</translation>
    </message>
    <message>
        <source>(Summary cancelled; this is what was done.)</source>
        <translation>(요약을 취소했습니다. 여기까지 완료된 내용입니다.)</translation>
    </message>
    <message>
        <source>Reading %1… %2%</source>
        <translation>%1 읽는 중… %2%</translation>
    </message>
</context>
<context>
    <name>sosoik::summarize::WorkerLlmBackend</name>
    <message>
        <source>No model is loaded; open a model first.</source>
        <translation>불러온 모델이 없습니다. 먼저 모델을 여세요.</translation>
    </message>
</context>
</TS>
