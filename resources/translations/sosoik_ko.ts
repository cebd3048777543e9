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
    <name>ConversationSettingsDialog</name>
    <message>
        <source>Conversation settings</source>
        <translation>대화 설정</translation>
    </message>
    <message>
        <source>These apply to this conversation only. Defaults for new conversations are in Settings.</source>
        <translation>이 설정은 현재 대화에만 적용됩니다. 새 대화의 기본값은 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>기본값 사용</translation>
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>데이터 폴더 %1을(를) 만들 수 없습니다.</translation>
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
    <name>GenerationFields</name>
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
        <translation><numerusform>토큰 %n개</numerusform></translation>
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
        <source>Sosoik — open a model to start chatting</source>
        <translation>Sosoik — 대화를 시작하려면 모델을 여세요</translation>
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
        <source>code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
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
        <translation><numerusform>토큰 %n개</numerusform></translation>
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
</context>
<context>
    <name>NewChatPanel</name>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
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
        <source>The conversation database is read-only, so changes cannot be saved. Check the file's permissions. (%1)</source>
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
    <name>main</name>
    <message>
        <source>Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR).</source>
        <translation>대화와 설정을 DIR에 저장합니다 (SOSOIK_DATA_DIR로도 지정 가능).</translation>
    </message>
</context>
<context>
    <name>sosoik::app::ChatController</name>
    <message>
        <source>This answer was interrupted.</source>
        <translation>이 답변은 중간에 끊겼습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the model's context.</source>
        <translation><numerusform>대화가 모델의 컨텍스트에 들어가도록 오래된 메시지 %n개를 제외했습니다.</numerusform></translation>
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
        <source>Automatic (best GPU)</source>
        <translation>자동 (가장 좋은 GPU)</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>CPU (reference backend, slow)</source>
        <translation>CPU (참조 백엔드, 느림)</translation>
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
</context>
<context>
    <name>sosoik::storage</name>
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
        <source>The file contains a message without a role or text.</source>
        <translation>역할이나 내용이 없는 메시지가 들어 있습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
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
</TS>
