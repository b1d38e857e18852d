// stands for py/gc.c
