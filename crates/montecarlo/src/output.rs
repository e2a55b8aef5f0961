//! Output files: draws and summary CSV, the manifest (JSON), and the Arrow IPC file.
