import { z } from "zod";

// Runs in the browser before the app's own code. zod compiles object parsers with `new Function`
// unless told not to, and even its probe for that is reported as a Content-Security-Policy
// violation (the pages allow no eval). In a browser the parsers are form-sized: skip the compiler.
z.config({ jitless: true });
