/* cxmap's handbook: diagram frames. */
