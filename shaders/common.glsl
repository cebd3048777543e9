// Shared by every kernel: buffers are reached through device addresses passed in push
// constants (no descriptor sets, no maxStorageBufferRange limit), plus small decode helpers.
#extension GL_EXT_buffer_reference : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

layout(buffer_reference, std430, buffer_reference_align = 4) buffer Floats { float v[]; };
layout(buffer_reference, std430, buffer_reference_align = 4) buffer Words { uint v[]; };
layout(buffer_reference, std430, buffer_reference_align = 16) buffer Vec4s { vec4 v[]; };
// Per-step values written by the host before each submit, so a recorded token step can be
// replayed unchanged: the first position, the token count, then the token ids.
layout(buffer_reference, std430, buffer_reference_align = 4) buffer Step {
    uint pos;
    uint n;
    uint nSplit;   // attention splits along the cache (flash-decoding)
    uint splitLen; // positions per split
    uint tokens[];
};

float halfAt(Words w, uint i) { return unpackHalf2x16(w.v[i >> 1])[i & 1u]; }
uint byteAt(Words w, uint i) { return (w.v[i >> 2] >> ((i & 3u) * 8u)) & 0xFFu; }
vec4 signedBytes(uint w) {
    ivec4 b = ivec4(int(w << 24), int(w << 16), int(w << 8), int(w)) >> 24;
    return vec4(b);
}
vec4 lowNibbles(uint w) { return vec4(uvec4(w, w >> 8, w >> 16, w >> 24) & 0xFu); }
vec4 highNibbles(uint w) { return vec4(uvec4(w >> 4, w >> 12, w >> 20, w >> 28) & 0xFu); }
