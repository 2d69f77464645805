"""The one comparison engine: two expressions of a law → plain data every renderer reads."""
