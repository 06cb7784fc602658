#!/usr/bin/env node
// The `stepscore` command: the compiled CLI of @stepscore/harness.
import '@stepscore/harness/cli';
