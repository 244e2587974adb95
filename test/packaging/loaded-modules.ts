// Run by tsx in a child process: requires the module named on the command line, then prints
// every file the process has loaded (the keys of require.cache) as JSON.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(process.argv[2]);
process.stdout.write(JSON.stringify(Object.keys(require.cache)));
