/* source built/source.js */
