// sosoik-cli tokenize: text -> token ids with the model's own tokenizer. Loads only the
// vocabulary (GGUF metadata), so it is instant even for large models and works on vocab-only files.
#include "command.h"

#include "gguf/gguf_file.h"
#include "sosoik/error.h"
#include "sosoik/tokenizer.h"
#include "tokenizer/tokenizer_factory.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sosoik::cli {
namespace {

std::string readInput(const std::string& path) {
    if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Error::Kind::Io, "cannot read '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Pieces as the vocabulary spells them, made printable on one line: control bytes, spaces and
// backslashes are escaped so that every piece is one space-free word.
std::string printable(const std::string& piece) {
    std::string out;
    char buf[8];
    for (unsigned char c : piece) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c <= 0x20 || c == 0x7f) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else
            out.push_back(static_cast<char>(c));
    }
    return out;
}

int runTokenize(Args& args) {
    const auto model = args.take({"-m", "--model"});
    const auto file = args.take({"-f", "--file"});
    const bool noBos = args.flag({"--no-bos"});
    const bool special = args.flag({"--special"});
    const bool pieces = args.flag({"--pieces"});
    const auto rest = args.positionals();
    if (!model) throw Error(Error::Kind::InvalidArgument, "tokenize needs a model: -m MODEL.gguf");
    if (file && !rest.empty())
        throw Error(Error::Kind::InvalidArgument, "give either TEXT or -f FILE, not both");
    if (!file && rest.size() != 1)
        throw Error(Error::Kind::InvalidArgument,
                    "tokenize needs the text as one argument (quote it) or -f FILE");
    const std::string text = file ? readInput(*file) : rest.front();

    const auto tokenizer = createTokenizer(*gguf::File::open(*model));
    const auto ids = tokenizer->encode(text, !noBos, special);
    std::string line;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) line += ' ';
        line += pieces ? printable(tokenizer->piece(ids[i])) : std::to_string(ids[i]);
    }
    std::printf("%s\n", line.c_str());
    return 0;
}

const RegisterCommand reg{
    {"tokenize", "show how a model's tokenizer splits text",
     "usage: sosoik-cli tokenize -m MODEL [--no-bos] [--special] [--pieces] TEXT\n"
     "       sosoik-cli tokenize -m MODEL [--no-bos] [--special] [--pieces] -f FILE   (FILE '-' = stdin)\n\n"
     "Prints the token ids of TEXT on one line, separated by spaces. Only the model's vocabulary\n"
     "is read, so vocab-only GGUF files work too.\n\n"
     "  -m, --model MODEL   GGUF file\n"
     "  -f, --file FILE     tokenize the file's bytes instead of TEXT\n"
     "  --no-bos            do not add the BOS token (added by default when the model asks for it)\n"
     "  --special           recognize special tokens (<|im_start|>, <|eot_id|>, ...) written in the text;\n"
     "                      by default they are ordinary text, as anything a user types\n"
     "  --pieces            print the vocabulary pieces instead of ids (spaces, newlines, tabs,\n"
     "                      backslashes and control bytes escaped as \\x20 \\n \\t \\\\ \\xNN)",
     runTokenize}};

} // namespace
} // namespace sosoik::cli
