// Shared by every kernel. Buffers are bound whole (descriptor set 0, bindings 0..k-1) and
// each kernel receives element offsets into them through push constants.
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_KHR_shader_subgroup_ballot : require

// The per-step words written by the host before each submit, so a recorded token step can be
// replayed unchanged: S[stepOff + ...] = first position, token count, attention splits,
// positions per split, then the token ids.
#define STEP_POS 0u
#define STEP_N 1u
#define STEP_NSPLIT 2u
#define STEP_SPLITLEN 3u
#define STEP_TOKENS 4u

vec4 signedBytes(uint w) {
    ivec4 b = ivec4(int(w << 24), int(w << 16), int(w << 8), int(w)) >> 24;
    return vec4(b);
}
vec4 lowNibbles(uint w) { return vec4(uvec4(w, w >> 8, w >> 16, w >> 24) & 0xFu); }
vec4 highNibbles(uint w) { return vec4(uvec4(w >> 4, w >> 12, w >> 20, w >> 28) & 0xFu); }
