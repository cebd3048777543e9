#pragma once
// Which family a chat template belongs to, from the Jinja text models ship in
// tokenizer.chat_template (markers each family's format cannot do without), with the
// architecture and vocabulary as fallbacks for files that carry no template.
#include <string>
#include <vector>

namespace sosoik::chat {

struct Detection {
    std::string family;        // see makeFamilyTemplate
    bool fallback = false;     // nothing recognized: ChatML is used
    std::string defaultSystem; // ChatML templates that insert a system prompt when none is given
    std::string reason;        // human-readable: what the decision was based on
};

// tokens: the vocabulary (used only when the template is absent), may be empty.
Detection detectTemplate(const std::string& jinja, const std::string& architecture,
                         const std::vector<std::string>& tokens = {});

} // namespace sosoik::chat
