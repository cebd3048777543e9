"""The official OpenAI Python client against `sosoik-cli serve`: models, a whole and a streamed chat
completion, a completion, and the client's own exception types for Sosoik's errors.

usage: python openai_client_test.py SOSOIK_CLI MODEL.gguf   (exits 77, "skipped", without the client)
"""
import re
import subprocess
import sys

try:
    import openai
except ImportError:
    print("the openai package is not installed; skipping")
    sys.exit(77)


def main(cli, model_path):
    server = subprocess.Popen([cli, "serve", "-m", model_path, "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        assert match, f"server did not start: {line!r}"
        client = openai.OpenAI(base_url=match.group(1) + "/v1", api_key="not-needed", max_retries=0)

        models = client.models.list()
        ids = [m.id for m in models.data]
        assert len(ids) == 1, ids
        model = ids[0]

        messages = [{"role": "user", "content": "Tell me a story."}]
        whole = client.chat.completions.create(model=model, messages=messages, max_tokens=16, temperature=0)
        text = whole.choices[0].message.content
        assert whole.choices[0].message.role == "assistant"
        assert text, "empty answer"
        assert whole.usage.completion_tokens > 0
        assert whole.usage.total_tokens == whole.usage.prompt_tokens + whole.usage.completion_tokens

        stream = client.chat.completions.create(model=model, messages=messages, max_tokens=16, temperature=0,
                                                stream=True)
        pieces, finish = [], None
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                pieces.append(chunk.choices[0].delta.content)
            if chunk.choices and chunk.choices[0].finish_reason:
                finish = chunk.choices[0].finish_reason
        assert "".join(pieces) == text, ("".join(pieces), text)
        assert finish == whole.choices[0].finish_reason, finish

        completion = client.completions.create(model=model, prompt="Once upon a time", max_tokens=8, temperature=0)
        tokens = completion.usage.completion_tokens
        assert completion.object == "text_completion"
        assert 0 < tokens <= 8, tokens  # the Korean demo model may end its continuation early
        assert (completion.choices[0].finish_reason == "length") == (tokens == 8), completion

        try:
            client.chat.completions.create(model="gpt-4o", messages=messages)
            raise AssertionError("an unknown model was accepted")
        except openai.NotFoundError as e:
            assert "gpt-4o" in str(e)
        try:
            client.chat.completions.create(model=model, messages=messages, temperature=7)
            raise AssertionError("temperature 7 was accepted")
        except openai.BadRequestError as e:
            assert "temperature" in str(e)
        print(f"ok: {model}: {text!r}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
