// How many slot rows the session form shows (blank rows are ignored).
export const SLOT_ROWS = 8;
