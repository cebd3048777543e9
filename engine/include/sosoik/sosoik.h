#pragma once
// The engine's whole public API. Front ends include this and nothing under engine/ else.
#include "sosoik/chat_template.h"
#include "sosoik/devices.h"
#include "sosoik/error.h"
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/sampler.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"
#include "sosoik/version.h"
