// Workgroup-wide sum and max: a subgroup reduction, then one value per subgroup in shared memory.
shared float reduceScratch[64];

float workgroupSum(float v) {
    v = subgroupAdd(v);
    barrier();
    if (subgroupElect()) reduceScratch[gl_SubgroupID] = v;
    barrier();
    float s = 0.0;
    for (uint i = 0; i < gl_NumSubgroups; ++i) s += reduceScratch[i];
    return s;
}

float workgroupMax(float v) {
    v = subgroupMax(v);
    barrier();
    if (subgroupElect()) reduceScratch[gl_SubgroupID] = v;
    barrier();
    float s = reduceScratch[0];
    for (uint i = 1; i < gl_NumSubgroups; ++i) s = max(s, reduceScratch[i]);
    return s;
}
