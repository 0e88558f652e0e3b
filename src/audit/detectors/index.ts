/** Every detector, in the order reports list them. */
import type { Detector } from "./detector.js";
import { txOrigin } from "./tx-origin.js";
import { uncheckedLowLevel } from "./unchecked-lowlevel.js";
import { uncheckedSend } from "./unchecked-send.js";

export const DETECTORS: readonly Detector[] = [txOrigin, uncheckedSend, uncheckedLowLevel];
