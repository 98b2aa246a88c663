package dev.partnerhub.cli; class Hubctl { public static void main(String[] a) {} }
