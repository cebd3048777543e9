#version 450
// Writes value + index into every element; the smallest shader, used to prove a device runs work.
layout(local_size_x_id = 0) in;
layout(std430, binding = 0) writeonly buffer Out { float data[]; };
layout(push_constant) uniform Params { uint n; float value; } p;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i < p.n) data[i] = p.value + float(i);
}
