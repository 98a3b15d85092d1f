"""What every part of core uses: errors with hints, translatable messages, byte units."""
