// Pin time zone and locale for every test file (the guide's rule 8).
process.env.TZ = "UTC";
process.env.LANG = "C.UTF-8";
process.env.LC_ALL = "C.UTF-8";
