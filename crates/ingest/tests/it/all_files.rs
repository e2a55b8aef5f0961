//! Every supported file of the shared data folder.
