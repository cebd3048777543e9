// Push constants of the matvec and tiled matmul kernels (MatvecPush in kernels.cpp); offsets
// are in elements of the binding they index.
layout(push_constant) uniform Push {
    uint wOff;       // words: row 0 of the quants (or plain values)
    uint sOff;       // words: Q4_0/Q8_0 fp16 block scales, row-major
    uint xOff;       // vec4s
    uint yOff;       // floats
    uint rows;
    uint cols;       // multiple of 8 (rows are zero-padded on upload)
    uint rowWords;   // words per row
    uint n;
    uint xStride;    // floats, multiple of 4
    uint yStride;
    uint accumulate; // 1: y += W·x (fused residual add)
    uint nwOff;      // vec4s: RMSNorm weights (INPUT_MODE 1)
    uint normCols;   // RMSNorm: the true row length (mean over it)
    float eps;
    uint upOff;      // vec4s from a gate chunk to its up chunk (INPUT_MODE 2)
} p;
