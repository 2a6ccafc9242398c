// Stands in for Electron's utility-process `process.parentPort` when the
// device-host bundle runs under plain Node (no Electron binary here):
// messages travel over Node's IPC channel with structured clone
// (serialization: 'advanced'), as they do between Electron processes.
process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data }));
    return this;
  },
  postMessage(message) {
    process.send(message);
  },
};
